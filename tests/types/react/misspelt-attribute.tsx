// A misspelt attribute: `campain` for `campaign`.
export const Misspelt = () => <vitrine-vote campain="next-icon" product-id="sac-lune" />;
