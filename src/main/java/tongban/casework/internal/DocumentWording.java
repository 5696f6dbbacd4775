package tongban.casework.internal;

import tongban.catalog.ServiceGuide;
import tongban.catalog.ServiceGuide.ItemType;

/**
 * What the written documents of a case are called and which law they cite, by the item's type in the catalogue: only
 * a 行政许可 is decided under the 行政许可法 (acceptance and supplements Art. 32, the decision Art. 38); another
 * administrative act (确认, 给付, 奖励, 裁决 …) cites the item's own legal basis and keeps the remedies of review and
 * suit; a 公共服务 is no administrative decision at all, so its result is a notice without either.
 */
public record DocumentWording(ItemType type, String legalBasis) {

	public static DocumentWording of(ServiceGuide guide) {
		return new DocumentWording(guide.type(), guide.legalBasis() == null ? "" : guide.legalBasis().strip());
	}

	public boolean licensing() {
		return type == ItemType.XK;
	}

	public boolean administrativeAct() {
		return type != ItemType.GG;
	}

	/** The act's name in a title: 行政确认, 行政给付 … */
	private String act() {
		return switch (type) {
			case XK -> "行政许可";
			case QR -> "行政确认";
			case GF -> "行政给付";
			case JL -> "行政奖励";
			case CJ -> "行政裁决";
			case QT, GG -> "行政";
		};
	}

	public String decisionTitle(boolean approved) {
		if (!administrativeAct()) {
			return approved ? "办理结果通知书" : "不予办理通知书";
		}
		return (approved ? (licensing() ? "准予" : "") : "不予") + act() + "决定书";
	}

	/** "根据《…》…，" before the acceptance; empty for items that are not 行政许可. */
	public String acceptanceBasis() {
		return licensing() ? "根据《中华人民共和国行政许可法》第三十二条，" : "";
	}

	public String supplementBasis() {
		return licensing() ? "根据《中华人民共和国行政许可法》第三十二条，" : "";
	}

	/** The legal ground of the decision: Art. 38 for a licence, else the item's own basis (its first provision). */
	public String decisionBasis(boolean approved) {
		if (licensing()) {
			return "根据《中华人民共和国行政许可法》第三十八条" + (approved ? "第一款" : "第二款") + "，";
		}
		if (legalBasis.isEmpty()) {
			return "";
		}
		String first = legalBasis.split("[；;\\n]")[0].strip();
		return "根据" + first + "，";
	}

	/** What the applicant may do against a refusal: review and suit for an administrative act, else objection. */
	public String remedies() {
		if (administrativeAct()) {
			return "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。";
		}
		return "如有异议，可以向本机关提出，或者拨打 12345 政务服务便民热线反映。";
	}
}
