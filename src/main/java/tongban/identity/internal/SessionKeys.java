package tongban.identity.internal;

/** Session attribute names used by the identity module. */
public final class SessionKeys {

	/** A staff member who passed the password step and still owes the TOTP code: the account id. */
	public static final String MFA_PENDING = "tongban.mfaPending";

	/** The {@link tongban.identity.Party} the signed-in citizen acts for. */
	public static final String ACTING_FOR = "tongban.actingFor";

	/** What the person typed into the sign-in form, kept after a failure. */
	public static final String LOGIN_TYPED = "tongban.loginTyped";

	/** A registration waiting for its SMS code. */
	public static final String PENDING_REGISTRATION = "tongban.pendingRegistration";

	/** When the session was signed in ({@link SignedInSessions}). */
	public static final String SIGNED_IN_AT = "tongban.signedInAt";

	/** A password reset waiting for its SMS code and the new password. */
	public static final String PENDING_RESET = "tongban.pendingReset";

	/**
	 * The privacy notice version a signed-in citizen last agreed to, while it is older than the version in force: set
	 * at sign-in, removed when they agree to the new one; while set, {@link NoticeGate} keeps them on the page asking.
	 */
	public static final String NOTICE_OUTDATED = "tongban.noticeOutdated";

	private SessionKeys() {
	}
}
