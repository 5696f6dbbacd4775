package tongban.casework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tongban.casework.internal.DocumentWording;
import tongban.directory.DirectoryManagement;
import tongban.seal.SealManagement;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.PdfText;

/**
 * The written documents of a case as PDF, in the shipped CJK font (LXGW WenKai, OFL; fonts/OFL.txt) embedded as a
 * subset: 受理通知书 once accepted, 补正材料通知书 for the latest supplement request (一次性告知), and the decision
 * letter (准予 or 不予, with the reasons and the applicant's remedies) once decided. Each is sealed with the handling
 * department's seal (PAdES B-LT) when the step that issues it is taken, and kept: every download is that sealed file,
 * dated the day of the step.
 */
@Service
public class CaseDocuments {

	public enum Kind { ACCEPTANCE, SUPPLEMENT, DECISION }

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final DirectoryManagement directory;
	private final SealManagement seals;
	private final FileStore files;
	private final JdbcClient jdbc;

	private final Cases cases;

	CaseDocuments(Cases cases, DirectoryManagement directory, SealManagement seals, FileStore files, JdbcClient jdbc) {
		this.cases = cases;
		this.directory = directory;
		this.seals = seals;
		this.files = files;
		this.jdbc = jdbc;
	}

	private record Issued(String fileId, OffsetDateTime issuedAt) {
	}

	/**
	 * The sealed document of the kind as issued last; one not issued yet (a case from before documents were sealed) is
	 * issued now. Empty when the case has no such document.
	 */
	public Optional<byte[]> pdf(CaseView caseView, Kind kind) {
		if (!available(caseView).contains(kind)) {
			return Optional.empty();
		}
		Optional<String> fileId = jdbc.sql("select file_id from casework_document where case_id = ? and kind = ? order by id desc limit 1")
			.params(caseView.id().value(), kind.name())
			.query(String.class)
			.optional();
		if (fileId.isEmpty()) {
			return Optional.of(issue(caseView, kind, "系统补发"));
		}
		try (InputStream in = files.open(fileId.get()).orElseThrow(() -> new IllegalStateException("no file " + fileId.get()))) {
			return Optional.of(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Renders the document of the kind, seals it with the department's document seal and keeps it. */
	public byte[] issue(CaseView caseView, Kind kind, String staffName) {
		Rendered r = render(caseView, kind).orElseThrow(() -> DomainException.notFound("document"));
		byte[] sealed = seals.sealIssuedDocument(caseView.departmentCode(), r.pdf(), "case:" + caseView.caseNumber() + ":" + kind.name().toLowerCase(),
				r.title() + " " + r.number(), staffName);
		FileStore.Stored stored = files.put(sealed, "application/pdf", r.number() + ".pdf");
		jdbc.sql("insert into casework_document (case_id, kind, number, file_id, sha256) values (?, ?, ?, ?, ?)")
			.params(caseView.id().value(), kind.name(), r.number(), stored.id(), stored.sha256())
			.update();
		return sealed;
	}

	/** The kinds that exist for the case now. */
	public List<Kind> available(CaseView caseView) {
		List<Kind> out = new ArrayList<>();
		if (caseView.acceptanceNo() != null) {
			out.add(Kind.ACCEPTANCE);
		}
		if (!caseView.supplements().isEmpty()) {
			out.add(Kind.SUPPLEMENT);
		}
		if (decision(caseView).isPresent()) {
			out.add(Kind.DECISION);
		}
		return out;
	}

	private record Rendered(String title, String number, byte[] pdf) {
	}

	private Optional<Rendered> render(CaseView c, Kind kind) {
		if (!available(c).contains(kind)) {
			return Optional.empty();
		}
		String department = directory.departmentByCode(c.departmentCode()).map(d -> d.name()).orElse(c.departmentCode());
		List<String> body = new ArrayList<>();
		DocumentWording wording = DocumentWording.of(cases.guideOf(c));
		String title;
		String number;
		OffsetDateTime issued;
		switch (kind) {
			case ACCEPTANCE -> {
				title = "受理通知书";
				number = c.acceptanceNo();
				issued = c.acceptedAt();
				body.add(c.partyName() + "：");
				body.add("　　你（单位）于" + day(c.submittedAt()) + "提出的“" + c.itemName() + "”申请（办件编号 " + c.caseNumber()
						+ "），申请材料齐全、符合法定形式，" + wording.acceptanceBasis() + "本机关决定予以受理。");
				body.add("　　本机关将于" + (c.promisedDate() == null ? "法定期限内" : DATE.format(c.promisedDate()) + "前")
						+ "作出决定。办理进度可在通办“我的办件”中查询。");
			}
			case SUPPLEMENT -> {
				title = "补正材料通知书";
				number = c.caseNumber() + "-补";
				body.add(c.partyName() + "：");
				body.add("　　你（单位）提出的“" + c.itemName() + "”申请（办件编号 " + c.caseNumber()
						+ "），申请材料不齐全或者不符合法定形式。" + wording.supplementBasis() + "现一次性告知需要补正的全部内容：");
				var latest = c.supplements().stream().map(SupplementView::requestedAt)
					.max(Comparator.naturalOrder()).orElseThrow();
				issued = latest;
				int n = 1;
				for (var s : c.supplements()) {
					if (s.requestedAt().equals(latest)) {
						body.add("　　" + n++ + ". " + s.materialName() + "：" + s.reason());
					}
				}
				body.add("　　请补正后在通办“我的办件”中上传，补正的材料齐全后本机关予以受理。");
			}
			default -> {
				EventView d = decision(c).orElseThrow();
				issued = d.at();
				boolean approved = d.action().equals("APPROVED");
				title = wording.decisionTitle(approved);
				number = c.caseNumber() + (approved ? "-准" : "-不");
				body.add(c.partyName() + "：");
				body.add("　　你（单位）提出的“" + c.itemName() + "”申请（办件编号 " + c.caseNumber() + "，受理通知书 " + c.acceptanceNo() + "），"
						+ "本机关已依法审查。");
				if (approved) {
					body.add("　　经审查，申请符合法定条件、标准，" + wording.decisionBasis(true) + "本机关决定" + (wording.licensing() ? "准予行政许可" : "予以办理") + "。"
							+ (d.note() == null ? "" : d.note()));
				}
				else {
					body.add("　　经审查，申请不符合法定条件、标准，理由如下：" + (d.note() == null ? "" : d.note()));
					body.add("　　" + wording.decisionBasis(false) + "本机关决定" + (wording.licensing() ? "不予准予" : "不予办理") + "。"
							+ wording.remedies());
				}
			}
		}
		LocalDate day = issued == null ? LocalDate.now(Clocks.ZONE) : issued.atZoneSameInstant(Clocks.ZONE).toLocalDate();
		return Optional.of(new Rendered(title, number, render(title, number, body, department, day)));
	}

	private static Optional<EventView> decision(CaseView c) {
		return c.events().stream().filter(e -> e.action().equals("APPROVED") || e.action().equals("DENIED")).reduce((a, b) -> b);
	}

	private static String day(OffsetDateTime t) {
		return t == null ? "" : DATE.format(t.atZoneSameInstant(Clocks.ZONE));
	}

	private static byte[] render(String title, String number, List<String> paragraphs, String department, LocalDate day) {
		return PdfText.letter(title, number, paragraphs, department, DATE.format(day));
	}
}
