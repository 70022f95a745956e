// A team's own page using the package: everything typed, nothing `any`.
import init, {
  checkPassword, confirmForgotPassword, forgotPassword, parseResetLink, signIn,
  type CodeDelivery, type PasswordCheck, type ResetConfig, type ResetError, type ResetLink, type Session,
} from 'cognito-reset-link';

declare global {
  interface Window {
    /** Set by the test: the local pool. */
    resetConfig: ResetConfig;
    askForLink(email: string): Promise<CodeDelivery>;
    resetWith(link: string, password: string): Promise<{ check: PasswordCheck; session: Session }>;
    failWith(link: string): Promise<ResetError>;
    signInShowing(link: string, password: string, account: string): Promise<ResetError>;
  }
}

await init();

window.askForLink = (email) => forgotPassword(window.resetConfig, email);

window.resetWith = async (address, password) => {
  const link: ResetLink = parseResetLink(address);
  const check = checkPassword(window.resetConfig.passwordPolicy, password, password, 'en');
  if (!check.ok || link.username === null || link.code === null) throw new Error('unusable link or password');
  await confirmForgotPassword(window.resetConfig, link.username, link.code, password);
  // The account the app showed: the link's email (the username is an opaque id in this pool).
  const session = await signIn({ ...window.resetConfig, signIn: 'password' }, link.username, password, link.email ?? link.username);
  return { check, session };
};

window.failWith = async (address) => {
  const link = parseResetLink(address);
  try {
    await confirmForgotPassword({ ...window.resetConfig, language: 'de' }, link.username ?? '', '000000', 'Another-pass1');
    throw new Error('a wrong code was accepted');
  } catch (error) {
    return error as ResetError;
  }
};

// Signs in with the link's username while the app showed `account`: the rejection, or an error
// when a session was kept.
window.signInShowing = async (address, password, account) => {
  const link = parseResetLink(address);
  try {
    await signIn({ ...window.resetConfig, signIn: 'password' }, link.username ?? '', password, account);
  } catch (error) {
    return error as ResetError;
  }
  throw new Error(`a session was kept for ${account}`);
};

document.body.dataset.ready = '';
