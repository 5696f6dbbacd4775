package tongban.insight.channels;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * 政务新媒体 accounts a department runs (微信公众号, 微博, 抖音, 头条), registered and kept by the department's admin with
 * the day each was last updated; one not updated for more than {@code zombieDays} is a 僵尸 account.
 */
@Service
public class MediaAccounts {

	/** An account as listed, with whether it is 僵尸 today. */
	public record Account(UUID id, String name, MediaPlatform platform, String url, String content, LocalDate lastUpdate, boolean zombie) {
	}

	/** What the admin typed; a problem is a field and a message key. */
	public record Registration(String name, String platform, String url, String content, String lastUpdate) {
	}

	public record Problem(String field, String key) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final ChannelSettings settings;

	MediaAccounts(JdbcClient jdbc, AuditTrail audit, ChannelSettings settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public List<Account> of(String departmentCode) {
		LocalDate zombieBefore = LocalDate.now(Clocks.ZONE).minusDays(settings.zombieDays());
		return jdbc.sql("select id, name, platform, url, content, last_update from insight_media_account where department_code = ? order by platform, name")
			.param(departmentCode)
			.query((rs, n) -> {
				LocalDate last = rs.getObject("last_update", LocalDate.class);
				return new Account(rs.getObject("id", UUID.class), rs.getString("name"), MediaPlatform.valueOf(rs.getString("platform")),
						rs.getString("url"), rs.getString("content"), last, last.isBefore(zombieBefore));
			})
			.list();
	}

	/** Registers an account of the admin's department; the problems found, or none when it was registered. */
	@Transactional
	public List<Problem> register(Registration form, StaffMember admin) {
		List<Problem> problems = new ArrayList<>();
		String name = text(form.name());
		if (name.isEmpty() || name.length() > 60) {
			problems.add(new Problem("name", "insight.channel.media.error.name"));
		}
		MediaPlatform platform = platform(form.platform());
		if (platform == null) {
			problems.add(new Problem("platform", "insight.channel.media.error.platform"));
		}
		String url = text(form.url());
		if (!url.matches("https?://[^\\s]{3,290}")) {
			problems.add(new Problem("url", "insight.channel.media.error.url"));
		}
		String content = text(form.content());
		if (content.isEmpty() || content.length() > 200) {
			problems.add(new Problem("content", "insight.channel.media.error.content"));
		}
		LocalDate last = day(form.lastUpdate());
		if (last == null) {
			problems.add(new Problem("lastUpdate", "insight.channel.media.error.lastUpdate"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into insight_media_account (id, department_code, name, platform, url, content, last_update, registered_by)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, admin.departmentCode(), name, platform.name(), url, content, last, admin.name())
				.update();
		}
		catch (DuplicateKeyException e) {
			return List.of(new Problem("name", "insight.channel.media.error.twice"));
		}
		audit.record("CHANNEL_MEDIA", "staff:" + admin.id(), "media:" + id, "registered " + platform + " " + name + " last updated " + last);
		return List.of();
	}

	/** Records that an account of the admin's department was updated on a day (not after today); unknown: not found. */
	@Transactional
	public void updated(UUID id, String lastUpdate, StaffMember admin) {
		LocalDate last = day(lastUpdate);
		if (last == null) {
			if (jdbc.sql("select count(*) from insight_media_account where id = ? and department_code = ?").params(id, admin.departmentCode())
				.query(Long.class).single() == 0) {
				throw DomainException.notFound("media-account");
			}
			throw new DomainException(DomainException.Kind.INVALID, "insight-channel-media-date", "a day not after today");
		}
		int updated = jdbc.sql("update insight_media_account set last_update = greatest(last_update, ?) where id = ? and department_code = ?")
			.params(last, id, admin.departmentCode())
			.update();
		if (updated == 0) {
			throw DomainException.notFound("media-account");
		}
		audit.record("CHANNEL_MEDIA", "staff:" + admin.id(), "media:" + id, "updated on " + last);
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	private static MediaPlatform platform(String value) {
		for (MediaPlatform p : MediaPlatform.values()) {
			if (p.name().equals(value)) {
				return p;
			}
		}
		return null;
	}

	/** A day written 2026-12-05, not after today and not before 2000; null otherwise. */
	private static LocalDate day(String value) {
		try {
			LocalDate day = LocalDate.parse(text(value));
			return day.isAfter(LocalDate.now(Clocks.ZONE)) || day.getYear() < 2000 ? null : day;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
