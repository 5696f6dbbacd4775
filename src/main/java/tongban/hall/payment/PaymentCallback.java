package tongban.hall.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The gateway's notice that an order was paid: a notification id of its own (never accepted twice), the notice number,
 * the amount in fen, its trade number and when it was paid, signed with HMAC-SHA256 over {@link #canonical()}.
 */
@Schema(description = "A payment gateway's signed notice that an order was paid")
public record PaymentCallback(
		@Schema(description = "The gateway's id of this notification; a replayed id is refused", example = "N-20261207-000001") String notificationId,
		@Schema(description = "缴款码, 20 digits", example = "33010626000000000012") String noticeNumber,
		@Schema(description = "Amount paid in fen", example = "8000") Long amountFen,
		@Schema(description = "The gateway's trade number", example = "T202612071000000001") String tradeNo,
		@Schema(description = "When it was paid (ISO-8601)", example = "2026-12-07T10:00:00+08:00") String paidAt,
		@Schema(description = "Lower-case hex HMAC-SHA256 over the canonical fields") String signature) {

	/** The signed text: the fields in name order as {@code name=value} joined by {@code &}, the signature left out. */
	public String canonical() {
		return "amountFen=" + (amountFen == null ? "" : amountFen) + "&noticeNumber=" + nullToEmpty(noticeNumber) + "&notificationId="
				+ nullToEmpty(notificationId) + "&paidAt=" + nullToEmpty(paidAt) + "&tradeNo=" + nullToEmpty(tradeNo);
	}

	/** The same notice signed with this secret. */
	public PaymentCallback signedWith(byte[] secret) {
		return new PaymentCallback(notificationId, noticeNumber, amountFen, tradeNo, paidAt, hmac(secret, canonical()));
	}

	/** Whether the signature is this secret's over the canonical fields (compared in constant time). */
	public boolean signedBy(byte[] secret) {
		if (signature == null || !signature.matches("[0-9a-f]{64}")) {
			return false;
		}
		return MessageDigest.isEqual(hmac(secret, canonical()).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	static String hmac(byte[] secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
