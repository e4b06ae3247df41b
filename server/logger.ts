/** Where the server's reloads and errors go: `console` unless the brand gives its own. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.info(`[vitrine] ${message}`),
  warn: (message) => console.warn(`[vitrine] ${message}`),
  error: (message, error) =>
    error === undefined
      ? console.error(`[vitrine] ${message}`)
      : console.error(`[vitrine] ${message}`, error),
};
