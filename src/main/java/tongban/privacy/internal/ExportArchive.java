package tongban.privacy.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tongban.shared.Clocks;
import tongban.shared.Masking;
import tongban.shared.PdfText;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's copy as one ZIP: {@code <kind>.json} per kind, {@code schema/<kind>.json} (JSON Schema 2020-12) beside
 * each, the material files of their cases under {@code materials/}, and {@code summary.pdf}, a readable summary in the
 * platform's CJK font (个人信息保护法 Art. 45: a copy the person can read and a machine can take).
 */
@Component
class ExportArchive {

	/** Lines of one kind the summary lists before it refers to the JSON for the rest. */
	static final int SUMMARY_LINES = 30;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private final JsonMapper json;

	ExportArchive(JsonMapper json) {
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	/** The archive's bytes; {@code file} reads a material's stored bytes by file id. */
	byte[] build(ExportContents.Gathered gathered, Instant exportedAt, Function<String, byte[]> file) {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (var document : gathered.documents().entrySet()) {
				put(zip, document.getKey() + ".json", json.writeValueAsBytes(document.getValue()));
				put(zip, "schema/" + document.getKey() + ".json", schema(document.getKey()));
			}
			Set<String> written = new HashSet<>();
			for (ExportContents.MaterialFile material : gathered.files()) {
				if (written.add(material.path())) {
					put(zip, material.path(), file.apply(material.fileId()));
				}
			}
			put(zip, "summary.pdf", summary(gathered, exportedAt));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/** The schema a kind's document follows, as shipped. */
	static byte[] schema(String kind) {
		try (InputStream in = new ClassPathResource("privacy/schema/" + kind + ".json").getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("no schema for " + kind, e);
		}
	}

	private static void put(ZipOutputStream zip, String path, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(path));
		zip.write(content);
		zip.closeEntry();
	}

	/** The readable summary: who, when, how many of each kind, and the main lines of each. */
	byte[] summary(ExportContents.Gathered gathered, Instant exportedAt) {
		@SuppressWarnings("unchecked")
		Map<String, Object> account = (Map<String, Object>) gathered.documents().get("account").get("account");
		String when = WHEN.format(LocalDateTime.ofInstant(exportedAt, Clocks.ZONE));
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add("本文件是您在通办平台的个人信息副本摘要，依据《中华人民共和国个人信息保护法》第四十五条提供。完整内容见同一压缩包中的 JSON 文件，其格式见 schema 目录。");
		paragraphs.add("姓名：" + account.get("name") + "；公民身份号码：" + Masking.idNumber((String) account.get("idNumber"))
				+ (account.get("mobile") == null ? "" : "；手机号码：" + Masking.mobile((String) account.get("mobile"))) + "；生成时间：" + when + "。");
		section(paragraphs, gathered, "consents", "同意记录", i -> i.get("purpose") + "，规则版本 " + i.get("noticeVersion") + "，" + day(i.get("consentedAt")));
		section(paragraphs, gathered, "cases", "办件", i -> (i.get("caseNumber") == null ? "草稿" : i.get("caseNumber")) + " " + i.get("itemName")
				+ "（" + i.get("status") + "）");
		section(paragraphs, gathered, "licences", "电子证照", i -> i.get("name") + " " + i.get("number") + "，" + i.get("issuerName"));
		section(paragraphs, gathered, "tickets", "12345 诉求", i -> i.get("number") + "（" + i.get("status") + "）");
		section(paragraphs, gathered, "ratings", "评价", i -> i.get("caseNumber") + "：" + i.get("level"));
		section(paragraphs, gathered, "messages", "站内消息", i -> day(i.get("createdAt")) + " " + i.get("subject"));
		section(paragraphs, gathered, "reads", "查询我的数据的记录", i -> day(i.get("at")) + " " + i.get("department") + " 查询了「"
				+ i.get("register") + "」" + (i.get("purpose") == null ? "" : "，事由：" + i.get("purpose")));
		section(paragraphs, gathered, "corrections", "更正请求", i -> day(i.get("requestedAt")) + " " + i.get("register") + " " + i.get("field"));
		paragraphs.add("材料文件：" + gathered.files().size() + " 个，位于 materials 目录。");
		return PdfText.letter("个人信息副本", when, paragraphs, "通办平台", when);
	}

	private static void section(List<String> paragraphs, ExportContents.Gathered gathered, String kind, String title,
			Function<Map<String, Object>, String> line) {
		List<Map<String, Object>> items = gathered.items(kind);
		paragraphs.add(title + "：共 " + items.size() + " 条" + (items.isEmpty() ? "。" : "（" + kind + ".json）"));
		items.stream().limit(SUMMARY_LINES).forEach(i -> paragraphs.add("· " + line.apply(i)));
		if (items.size() > SUMMARY_LINES) {
			paragraphs.add("· 另有 " + (items.size() - SUMMARY_LINES) + " 条，见 " + kind + ".json");
		}
	}

	private static String day(Object isoTime) {
		return isoTime == null ? "" : isoTime.toString().substring(0, Math.min(10, isoTime.toString().length()));
	}
}
