package tongban.hall.payment.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tongban.hall.payment.PaymentCallback;
import tongban.hall.payment.PaymentGateway;
import tongban.hall.payment.PaymentOrder;
import tongban.shared.LegacyKeyFiles;
import tongban.shared.Secrets;
import tongban.shared.TongbanProperties;

/**
 * The demo gateway: its cashier is the page {@code /demo-gateway/pay/{notice}} (which says it is a demo) and it signs its
 * callbacks with HMAC-SHA256 under a shared secret: {@code TONGBAN_PAYMENT_CALLBACK_SECRET} when set, else one generated
 * by the cluster's first node and kept in the database encrypted with the data keys, the same for every node (ADR 0045;
 * a {@code <data dir>/keys/payment-callback.key} of an earlier version is imported once). Refunds are immediate.
 */
@Component
public class DemoGateway implements PaymentGateway {

	private final byte[] secret;

	DemoGateway(@Value("${tongban.payment.callback-secret:${TONGBAN_PAYMENT_CALLBACK_SECRET:}}") String configured,
			TongbanProperties properties, Secrets secrets) {
		this.secret = configured != null && !configured.isBlank() ? configured.getBytes(StandardCharsets.UTF_8)
				: Base64.getDecoder().decode(stored(properties.dataDir().toAbsolutePath().resolve("keys").resolve("payment-callback.key"), secrets));
	}

	/** The cluster's key (ADR 0045): the file of an earlier version when there is one, else a new one, kept once for all. */
	private static String stored(Path file, Secrets secrets) {
		String key = secrets.getOrCreate("payment-callback", () -> LegacyKeyFiles.read(file).orElseGet(() -> {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			return Base64.getEncoder().encodeToString(fresh);
		}));
		LegacyKeyFiles.setAside(file, "the payment callback key");
		return key;
	}

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String cashier(PaymentOrder order) {
		return "/demo-gateway/pay/" + order.noticeNumber();
	}

	@Override
	public boolean verifies(PaymentCallback callback) {
		return callback.signedBy(secret);
	}

	@Override
	public String refund(PaymentOrder order) {
		return "R-" + UUID.randomUUID();
	}

	/** The demo bank's notice that the order was paid, signed as the callback expects. */
	public PaymentCallback paid(PaymentOrder order, String paidAt) {
		String id = "N" + UUID.randomUUID().toString().replace("-", "");
		String trade = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		return new PaymentCallback(id, order.noticeNumber(), order.amountFen(), trade, paidAt, null).signedWith(secret);
	}
}
