package tongban.casework;

import java.util.Optional;

/**
 * 缴费: what casework needs of the module that charges fees (hall, which depends on casework, not the other way round):
 * the fee a case owes and whether it is settled. A case whose fee is still due is not granted (the person pays before
 * the decision is issued, so no licence issues and the case does not conclude unpaid); its page shows the fee with a
 * link to pay it.
 */
public interface FeeClearance {

	/**
	 * The fee of one case as its page shows it: the notice number (null while the order is being opened), the amount
	 * as text (empty while still to be chosen), a message key of its status, whether it is still due, and the page
	 * where the applicant pays.
	 */
	record Fee(String noticeNumber, String amountText, String statusKey, boolean due, String payPage) {
	}

	/** The case's fee, empty when its item charges none through the platform. */
	Optional<Fee> feeOf(CaseView caseView);
}
