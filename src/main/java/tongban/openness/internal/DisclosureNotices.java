package tongban.openness.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tongban.directory.DirectoryManagement;
import tongban.openness.Disclosure;
import tongban.openness.domain.DisclosureRepository;
import tongban.seal.SealManagement;
import tongban.shared.Clocks;
import tongban.shared.FileStore;
import tongban.shared.FileTypes;
import tongban.shared.PdfText;

/**
 * The written notices of a request for government information as PDF, sealed with the department's document seal
 * (PAdES B-LT) through the seal module's route for documents a department issues (decision 0016, as casework's notices):
 * the 补正告知书 (Art. 30), the 延期答复告知书 (Art. 33) and the 答复告知书 (Art. 36, with the outcome, its article and the
 * applicant's remedies). Each is kept with the request; every download is that sealed file.
 */
@Component
public class DisclosureNotices {

	public enum Kind {
		NOTICE_SUPPLEMENT("政府信息公开申请补正告知书", "-补"), NOTICE_EXTENSION("政府信息公开申请延期答复告知书", "-延"),
		NOTICE_ANSWER("政府信息公开申请答复告知书", "-答");

		private final String title;
		private final String suffix;

		Kind(String title, String suffix) {
			this.title = title;
			this.suffix = suffix;
		}

		public String title() {
			return title;
		}
	}

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final SealManagement seals;
	private final FileStore files;
	private final DirectoryManagement directory;
	private final DisclosureRepository repository;

	DisclosureNotices(SealManagement seals, FileStore files, DirectoryManagement directory, DisclosureRepository repository) {
		this.seals = seals;
		this.files = files;
		this.directory = directory;
		this.repository = repository;
	}

	/** The 补正告知书: what to make clear, by when, and what happens without an answer. */
	public void supplement(DisclosureRepository.Row r, String note, LocalDate until, String staffName, OffsetDateTime at) {
		issue(r, Kind.NOTICE_SUPPLEMENT, List.of(opening(r) + "经审查，你（单位）的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，"
				+ "现一次性告知需要补正的事项：" + note,
				"　　请于" + DATE.format(until) + "前在通办“我的申请”中补正。答复期限自本机关收到补正的申请之日起计算；无正当理由逾期不补正的，视为放弃申请，"
						+ "本机关不再处理该政府信息公开申请。"),
				staffName, at);
	}

	/** The 延期答复告知书: by how many working days, until when, and why. */
	public void extension(DisclosureRepository.Row r, int days, String reason, LocalDate due, String staffName, OffsetDateTime at) {
		issue(r, Kind.NOTICE_EXTENSION, List.of(opening(r) + "因" + reason + "，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》"
				+ "第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长" + days + "个工作日，本机关将于" + DATE.format(due) + "前作出答复。"),
				staffName, at);
	}

	/** The 答复告知书: the outcome with its article, the officer's reasons, what is provided, and the remedies. */
	public void answer(DisclosureRepository.Row r, Disclosure.Outcome outcome, String note, List<String> provided, String staffName,
			OffsetDateTime at) {
		List<String> body = new ArrayList<>();
		String basis = outcome.article().isEmpty() ? "根据《中华人民共和国政府信息公开条例》的规定，"
				: "根据《中华人民共和国政府信息公开条例》" + outcome.article() + "的规定，";
		body.add(opening(r) + "经审查，" + basis + "答复如下：" + answerLine(outcome));
		if (note != null && !note.isBlank()) {
			body.add("　　" + note.strip());
		}
		if (!provided.isEmpty()) {
			body.add("　　随本告知书提供的政府信息：" + String.join("、", provided) + "，可在通办“我的申请”中下载。");
		}
		if (!outcome.providesInformation() || outcome == Disclosure.Outcome.PARTLY_DISCLOSED) {
			body.add("　　如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到之日起六个月内依法提起行政诉讼。");
		}
		issue(r, Kind.NOTICE_ANSWER, body, staffName, at);
	}

	private static String answerLine(Disclosure.Outcome outcome) {
		return switch (outcome.group()) {
			case DISCLOSED -> "你（单位）申请获取的政府信息，本机关予以公开。";
			case PARTLY -> "你（单位）申请获取的政府信息中含有不应当公开的内容，本机关作区分处理后予以部分公开。";
			case WITHHELD -> "你（单位）申请获取的政府信息" + outcome.label() + "，本机关不予公开。";
			case UNAVAILABLE -> "本机关无法提供你（单位）申请获取的政府信息：" + outcome.label() + "。";
			case NOT_PROCESSED -> "你（单位）的申请属于" + outcome.label() + "，本机关不予处理。";
			case OTHER -> "本机关对你（单位）的申请作其他处理：" + outcome.label() + "。";
		};
	}

	private static String opening(DisclosureRepository.Row r) {
		return r.partyName() + "：\n　　你（单位）于" + DATE.format(r.receivedAt().atZoneSameInstant(Clocks.ZONE)) + "提出的政府信息公开申请（编号 " + r.number()
				+ "）收悉，申请获取“" + shorten(r.description()) + "”。";
	}

	private static String shorten(String text) {
		String one = text.strip().replaceAll("\\s+", " ");
		return one.length() > 120 ? one.substring(0, 120) + "……" : one;
	}

	private void issue(DisclosureRepository.Row r, Kind kind, List<String> body, String staffName, OffsetDateTime at) {
		String department = directory.departmentNames().getOrDefault(r.departmentCode(), r.departmentCode());
		List<String> paragraphs = new ArrayList<>();
		for (String p : body) {
			paragraphs.addAll(List.of(p.split("\n")));
		}
		String number = r.number() + kind.suffix;
		byte[] pdf = PdfText.letter(kind.title(), number, paragraphs, department, DATE.format(at.atZoneSameInstant(Clocks.ZONE)));
		byte[] sealed = seals.sealIssuedDocument(r.departmentCode(), pdf, "disclosure:" + r.number() + ":" + kind.name().toLowerCase(),
				kind.title() + " " + number, staffName);
		FileStore.Stored stored = files.put(sealed, FileTypes.PDF, number + ".pdf");
		repository.file(r.id(), kind.name(), kind.title() + ".pdf", stored.id(), stored.sha256(), FileTypes.PDF, at);
	}
}
