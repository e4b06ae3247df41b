/**
 * The part of floating-ui a popover uses: a dynamic `import('@floating-ui/dom')` would bring
 * every middleware (a module namespace cannot be tree-shaken), this brings five.
 */
export { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
