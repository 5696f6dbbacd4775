package tongban.casework;

/**
 * A result was sent by post (邮寄送达) at the 送达 step: the carrier and the tracking number staff recorded. Modules
 * that follow the parcel (hall's delivery tracking) listen to it; the case itself is concluded by the same step.
 */
public record ResultPosted(CaseId caseId, String caseNumber, String carrier, String trackingNumber) {
}
