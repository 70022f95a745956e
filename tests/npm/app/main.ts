// The package's rules, driven by the test through window: everything typed, nothing `any`.
// (The examples of each flow are the other pages of this app.)
import init, {
  askSignInLink, checkPassword, confirmAddressChange, confirmForgotPassword, finishSignInFromLink, finishSignInWithCode, forgotPassword, readLink,
  type AddressCallDone, type CodeDelivery, type Link, type SignedIn, type PasswordCheck, type PendingSignIn, type ResetConfig, type ResetError, type Session,
  type SignInLinkSent,
} from 'cognito-reset-link';
import initPassword, { answerSignInChallenge, signIn, type SignInChallenge, type SignInError } from 'cognito-reset-link/password';

declare global {
  interface Window {
    /** Set by the test: the local pool. */
    resetConfig: ResetConfig;
    askForLink(email: string): Promise<CodeDelivery>;
    resetWith(link: string, password: string): Promise<{ check: PasswordCheck; session: Session }>;
    failWith(link: string): Promise<ResetError>;
    signInShowing(link: string, password: string, account: string): Promise<ResetError>;
    askSignIn(email: string, session: 'amplify' | 'none'): Promise<SignInLinkSent>;
    finishFrom(link: string, pending?: PendingSignIn, session?: 'amplify' | 'none'): Promise<Session | ResetError>;
    finishWith(code: string): Promise<Session | ResetError>;
    confirmAddress(link: string, session: SignedIn): Promise<AddressCallDone | ResetError>;
    signInChallenged(username: string, password: string, account: string): Promise<SignInError>;
    answerChallenge(challenge: SignInChallenge, code: string, account: string): Promise<Session | SignInError>;
  }
}

await Promise.all([init(), initPassword()]);

window.askForLink = (email) => forgotPassword(window.resetConfig, email);

window.resetWith = async (address, password) => {
  const link: Link = readLink(window.resetConfig, address, 'reset');
  const check = checkPassword(window.resetConfig.passwordPolicy, password, password, 'en');
  if (!check.ok || link.username === null || link.code === null) throw new Error('unusable link or password');
  await confirmForgotPassword(window.resetConfig, link.username, link.code, password);
  // The account the app showed: the link's email (the username is an opaque id in this pool).
  const session = await signIn({ ...window.resetConfig, signIn: 'password', session: 'amplify' }, link.username, password, link.account ?? '');
  return { check, session };
};

window.failWith = async (address) => {
  const link = readLink(window.resetConfig, address, 'reset');
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
  const link = readLink(window.resetConfig, address, 'reset');
  try {
    await signIn({ ...window.resetConfig, signIn: 'password' }, link.username ?? '', password, account);
  } catch (error) {
    return error as ResetError;
  }
  throw new Error(`a session was kept for ${account}`);
};

// Sign-in by link: ask, then finish from the emailed link (or a code typed by hand). Each
// returns the session, or the rejection for the test to read.
window.askSignIn = (email, session) => askSignInLink({ ...window.resetConfig, session }, email);

/** The session, or the rejection (with the code to show when the link is for another browser). */
async function settled(finishing: Promise<Session>): Promise<Session | ResetError> {
  try {
    return await finishing;
  } catch (error) {
    const failure = error as ResetError;
    if (failure.code === 'NotThisBrowser' && failure.signInCode === undefined) throw new Error('no code to show');
    return failure;
  }
}

window.finishFrom = (address, pending, session = 'amplify') => settled(pending === undefined
  ? finishSignInFromLink({ ...window.resetConfig, session }, address)
  : finishSignInFromLink({ ...window.resetConfig, session }, address, pending));
window.finishWith = (code) => settled(finishSignInWithCode({ ...window.resetConfig, language: 'de', session: 'amplify' }, code));

// An address change with the app's own session (nothing stored: session "none").
window.confirmAddress = async (address, session) => {
  const link = readLink(window.resetConfig, address, 'addressChange');
  try {
    return await confirmAddressChange(window.resetConfig, link.username ?? '', link.attribute ?? 'email', link.code ?? '', session);
  } catch (error) {
    return error as ResetError;
  }
};

// Multi-factor authentication after a password sign-in: signIn names the challenge and hands
// it over; the code answers it, and the session is kept by the same whose-account rule.
window.signInChallenged = async (username, password, account) => {
  try {
    await signIn({ ...window.resetConfig, signIn: 'password' }, username, password, account);
  } catch (error) {
    return error as SignInError;
  }
  throw new Error('signed in without the challenge');
};
window.answerChallenge = async (challenge, code, account) => {
  try {
    return await answerSignInChallenge({ ...window.resetConfig, session: 'amplify' }, challenge, code, account);
  } catch (error) {
    return error as SignInError;
  }
};

document.body.dataset.ready = '';
