// Only what other features render; the register page itself is loaded on demand by the app shell
// from ./register-page, so importing this file does not pull the whole register into the guide.
export { SaveDecisionButton, type SaveDecisionButtonProps } from './save-decision-button';
