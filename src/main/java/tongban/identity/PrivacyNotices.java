package tongban.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import tongban.shared.Clocks;

/**
 * The privacy notice (个人信息处理规则, 个人信息保护法 Art. 17) kept as versions, oldest first, each with its text, the day
 * it takes effect and what changed (Art. 17 para. 2: a change is told to the person). The version in force is the
 * newest whose day has come by the platform's clock; a person's consent names the version they agreed to, and one who
 * agreed to an older one is asked again at their next sign-in.
 */
@Component
@EnableConfigurationProperties(PrivacyOfficer.class)
public class PrivacyNotices {

	/** Every version ever published, oldest first; a new one is appended, never an old one edited. */
	static final List<NoticeVersion> VERSIONS = List.of(
			new NoticeVersion("1.0", LocalDate.of(2026, 12, 6), List.of("首次发布"), "v1_0"),
			new NoticeVersion("1.1", LocalDate.of(2026, 12, 7), List.of(
					"逐项说明处理目的及其依据：注册、主动推荐、免提交基于您的同意，办件、部门共享、12345 工单和法定记录基于法律规定或您的申请",
					"“为您推荐”基于您的同意：您可以在隐私中心随时撤回同意（不再推荐）或重新同意",
					"新增个人信息保护负责人的联系方式和个人信息投诉渠道",
					"新增自动化决策的说明：默认好评、免申即享的结果如何得出，您可以查看规则和所用数据"), "v1_1"));

	private final Clock clock;
	private final PrivacyOfficer officer;

	PrivacyNotices(Clock clock, PrivacyOfficer officer) {
		this.clock = clock;
		this.officer = officer;
	}

	/** The version in force today: the newest whose effective day has come. */
	public NoticeVersion current() {
		LocalDate today = LocalDate.now(clock.withZone(Clocks.ZONE));
		return VERSIONS.reversed().stream().filter(published -> !published.effective().isAfter(today)).findFirst().orElse(VERSIONS.getFirst());
	}

	/** The published versions, newest first (a version not yet in force is not published). */
	public List<NoticeVersion> published() {
		NoticeVersion current = current();
		return VERSIONS.subList(0, VERSIONS.indexOf(current) + 1).reversed();
	}

	public Optional<NoticeVersion> version(String version) {
		return published().stream().filter(published -> published.version().equals(version)).findFirst();
	}

	/** The published versions after {@code version}, oldest first: what changed since the person last agreed. */
	public List<NoticeVersion> since(String version) {
		List<NoticeVersion> in = published().reversed();
		int at = in.stream().map(NoticeVersion::version).toList().indexOf(version);
		return in.subList(at + 1, in.size());
	}

	/**
	 * Whether {@code version} is older than the version in force (an unknown version counts as older); a version not in
	 * force yet (agreed to under a clock set ahead) is not.
	 */
	public boolean outdated(String version) {
		List<String> numbers = VERSIONS.stream().map(NoticeVersion::version).toList();
		return numbers.indexOf(version) < numbers.indexOf(current().version());
	}

	public PrivacyOfficer officer() {
		return officer;
	}
}
