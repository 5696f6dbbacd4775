package tongban.hall.payment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tongban.hall.payment.PaymentCallback;
import tongban.hall.payment.PaymentGateway;
import tongban.hall.payment.PaymentOrder;
import tongban.shared.TongbanProperties;

/**
 * The demo gateway: its cashier is the page {@code /demo-gateway/pay/{notice}} (which says it is a demo) and it signs its
 * callbacks with HMAC-SHA256 under a shared secret: {@code TONGBAN_PAYMENT_CALLBACK_SECRET} when set, else one generated
 * at first start and kept in {@code <data dir>/keys/payment-callback.key} (never in git). Refunds are immediate.
 */
@Component
public class DemoGateway implements PaymentGateway {

	private final byte[] secret;

	DemoGateway(@Value("${tongban.payment.callback-secret:${TONGBAN_PAYMENT_CALLBACK_SECRET:}}") String configured,
			TongbanProperties properties) {
		this.secret = configured != null && !configured.isBlank() ? configured.getBytes(StandardCharsets.UTF_8)
				: stored(properties.dataDir().resolve("keys").resolve("payment-callback.key"));
	}

	private static byte[] stored(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException e) {
					// not a POSIX file system: the folder's own permissions protect it
				}
			}
			return Base64.getDecoder().decode(Files.readString(file).strip());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot keep the payment callback secret in " + file, e);
		}
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
