package tongban.hall.payment.web;

import tongban.hall.payment.PaymentOrder;

/** Reading the chosen amount of a form: an index into the order's options, or null when none (or nonsense) was sent. */
final class PaymentForms {

	private PaymentForms() {
	}

	static Integer option(String sent, PaymentOrder order) {
		if (sent == null || !sent.matches("\\d{1,2}")) {
			return null;
		}
		int index = Integer.parseInt(sent);
		return index < order.options().size() ? index : null;
	}
}
