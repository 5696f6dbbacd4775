package tongban.insight.channels;

/** What a channel check finds. */
public enum FindingKind {
	/** A link in a guide or a policy that no longer answers (an error status or no answer). */
	DEAD_LINK,
	/** A guide not reviewed for {@link ChannelSettings#staleDays()} days. */
	STALE_GUIDE,
	/** An item that claims online handling (depth Ⅲ or more) but has no online form. */
	ONLINE_WITHOUT_FORM,
	/** A 政务新媒体 account not updated for more than {@link ChannelSettings#zombieDays()} days (僵尸). */
	ZOMBIE_ACCOUNT
}
