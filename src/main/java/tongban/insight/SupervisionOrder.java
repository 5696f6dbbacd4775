package tongban.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A 督办单: a supervisor's (or a rule's) written demand that a department explain and put right a delay or a fault by a
 * deadline in working days. An order raised by a rule carries a card (黄牌 a warning, 红牌 a serious fault) that counts in
 * the department's monthly 考核 score. {@code reference} is the case or ticket number behind it, if any; {@code id} is
 * the external id used in URLs.
 */
public record SupervisionOrder(UUID id, String number, Rule rule, String subject, String departmentCode, String regionCode,
		String reference, Card card, Status status, LocalDate due, String issuedBy, OffsetDateTime issuedAt, String answer,
		String answeredBy, OffsetDateTime answeredAt, String decision, String decidedBy, OffsetDateTime decidedAt,
		String escalatedTo) {

	/** Where an order is in its life (docs/states/supervision-order.md). */
	public enum Status {
		/** Sent to the department, waiting for its answer. */
		ISSUED,
		/** The department answered with its measures; the supervisor decides. */
		ANSWERED,
		/** The supervisor accepted the answer. */
		CLOSED,
		/** Passed to the next level (the city) for its supervisors to pursue. */
		ESCALATED
	}

	/** 黄牌 (warning) or 红牌: deducted from the monthly score by the scoring rules in force. */
	public enum Card {
		YELLOW, RED
	}

	/** Why the order was raised: by hand, or the rule that raised it with the card it carries. */
	public enum Rule {
		MANUAL(null),
		/** A case's clock is yellow (at most {@code tongban.clock.warn-at} working days left). */
		CLOCK_YELLOW(Card.YELLOW),
		/** A case is past its promised date. */
		CLOCK_RED(Card.RED),
		/** A 特别程序 has stopped the clock longer than the configured working days. */
		CLOCK_STOPPED(Card.YELLOW),
		/** A second 补正 round: 一次性告知 was not kept. */
		SUPPLEMENT_REPEATED(Card.YELLOW),
		/** 不予受理 without a reason code (行政许可法 Art. 32 requires the reasons in writing). */
		REFUSAL_WITHOUT_CODE(Card.YELLOW),
		/** A 12345 ticket past its dispatch or answer limit. */
		TICKET_OVERDUE(Card.YELLOW),
		/** A bad rating not rectified within its limit (国办发〔2019〕51号). */
		RECTIFICATION_OVERDUE(Card.RED);

		private final Card card;

		Rule(Card card) {
			this.card = card;
		}

		/** The card an order of this rule carries; null for a manual order. */
		public Card card() {
			return card;
		}
	}

	/** Whether the due date has passed while the department still owes its answer. */
	public boolean late(LocalDate today) {
		return status == Status.ISSUED && today.isAfter(due);
	}
}
