package tongban.hall.payment;

/**
 * 统一公共支付平台 as the platform sees it: a cashier page where the person pays an order, a signed callback telling the
 * platform it was paid (checked by {@link #verifies}), and refunds. The demo gateway (internal/DemoGateway) stands for a
 * bank's; a real one plugs in here with its own signature scheme.
 */
public interface PaymentGateway {

	/** A short name stored with each payment (e.g. {@code demo}). */
	String name();

	/** The site-relative or absolute address of the cashier page where the person pays this order. */
	String cashier(PaymentOrder order);

	/** Whether the callback's signature is the gateway's. */
	boolean verifies(PaymentCallback callback);

	/** Gives the money of a paid order back; the gateway's refund reference. */
	String refund(PaymentOrder order);
}
