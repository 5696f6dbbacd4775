package tongban.hall.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 缴款通知: what one case has to pay, to whom ({@code departmentCode}, the 执收单位), under which notice number, and
 * where it stands. {@code amountFen} is null only while the amount is still to be chosen among {@code options}.
 */
public record PaymentOrder(UUID id, String noticeNumber, UUID caseId, String caseNumber, String itemCode, String itemName,
		String departmentCode, UUID accountId, String payerName, List<FeeRules.Option> options, String feeLabel, Long amountFen,
		PaymentStatus status, String gatewayTradeNo, Instant createdAt, Instant paidAt, Instant refundedAt) {

	public String amountText() {
		return amountFen == null ? "" : FeeRules.yuan(amountFen);
	}
}
