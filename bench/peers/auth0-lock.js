// Auth0's sign-in widget: its own UI (React inside) and the auth0-js client.
export { default as Auth0Lock } from 'auth0-lock';
