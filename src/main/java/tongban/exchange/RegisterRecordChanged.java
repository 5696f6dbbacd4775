package tongban.exchange;

/**
 * A register's record was put or changed (a birth entered in the birth register, a company's filing): names the
 * record by its resource and the subject's blind index only, so no personal data is kept with the event. A listener
 * reads the record through {@link RegisterScan#read}, which records that read.
 */
public record RegisterRecordChanged(String resourceCode, String subjectIndex) {
}
