package tongban.proactive.benefits;

/** How a benefit reaches the person once the batch finds them eligible. */
public enum BenefitMode {
	/** The person confirms with one click (and names the account to pay into). */
	CONFIRM,
	/** Granted without any action, where the policy says so (一次性稳岗补贴, 新生儿参保补贴). */
	DIRECT
}
