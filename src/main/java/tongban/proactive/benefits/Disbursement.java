package tongban.proactive.benefits;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Where payment orders go to become money: the finance bureau's payment system (国库集中支付) in production, a demo
 * that only records the hand-over otherwise (the staff page says so). Called after the decision's transaction has
 * committed, never inside it, so a slow or failing bank system cannot undo a decision.
 */
public interface Disbursement {

	/** One payment as handed over: the bank account in clear, only here. */
	record Instruction(UUID orderId, String departmentCode, String policyName, BigDecimal amount, String period, String payeeName,
			String bankAccount) {
	}

	/**
	 * Hands the order over; answers the receiving system's reference. Throws {@link Refused} when the system refuses the
	 * order for good (it then fails); any other exception leaves it to be tried again.
	 */
	String handOver(Instruction instruction);

	/** Short name stored with each order ("demo", "finance-bureau"). */
	String name();

	/** Whether this is the demo, which pays nothing. */
	boolean demo();

	/** The receiving system refused the order for good. */
	class Refused extends RuntimeException {

		public Refused(String reason) {
			super(reason);
		}
	}
}
