// The package's main file is a webpack development build (every module inside eval()), which
// no minifier can shrink and a CSP without 'unsafe-eval' refuses; its TypeScript sources,
// bundled like everything else here, are what a production build of it would weigh.
import 'zuck.js/css';
import 'zuck.js/skins/snapgram';

export { Zuck } from '../../node_modules/zuck.js/src/index.ts';
