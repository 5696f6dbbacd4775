package tongban.casework;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reason code of a 不予受理 (refusal to accept), after 行政许可法 Art. 32: the grounds on which an application may be
 * refused at the door, so that refusals can be counted and supervised by ground. A refusal given without one is
 * supervised (电子监察) as a refusal the applicant cannot check against the law.
 */
public enum RefusalReason {
	/** Art. 32(一): the matter needs no licence. */
	NOT_REQUIRED("申请事项依法不需要取得行政许可"),
	/** Art. 32(二): not within this authority's powers (the applicant is told which authority to apply to). */
	NOT_COMPETENT("申请事项依法不属于本行政机关职权范围"),
	/** Art. 32(四): the materials were not completed within the 补正 period. */
	NOT_SUPPLEMENTED("申请人未在规定期限内补正申请材料"),
	/** The applicant does not meet the conditions of acceptance in the service guide. */
	NOT_ELIGIBLE("申请人不符合受理条件");

	private final String label;

	RefusalReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<RefusalReason> parse(String code) {
		return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
	}
}
