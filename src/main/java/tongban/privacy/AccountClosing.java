package tongban.privacy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tongban.casework.CaseStatus;
import tongban.casework.CaseSummary;
import tongban.casework.Cases;
import tongban.identity.AccountClosure;
import tongban.identity.Actor;
import tongban.notification.NotificationManagement;
import tongban.privacy.internal.CorrectionRows;
import tongban.shared.DomainException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closing one's account (注销账号, 个人信息保护法 Art. 47): refused while a case of the person's is being handled (the
 * department still needs to reach them), naming the cases; otherwise what no law requires the platform to keep is
 * deleted (the account's numbers and contacts, messages, copies, correction values) and the account closed through
 * identity, while what must be kept stays, each with its basis, in a {@link Statement} the person is shown and the
 * platform keeps.
 */
@Service
public class AccountClosing {

	/** The stable code of the refusal while cases are being handled. */
	public static final String CASES_OPEN = "privacy-cases-under-handling";

	/** Something kept after closing, why, and the law that asks for it. */
	public record Kept(String what, String why, String basis) {
	}

	/** What closing did: when, what was deleted, what was kept and why. */
	public record Statement(Instant closedAt, List<String> deleted, List<Kept> kept) {
	}

	/** Closing refused: these cases of the person's are being handled (their numbers). */
	public static final class CasesUnderHandling extends DomainException {

		private static final long serialVersionUID = 1L;

		private final List<String> caseNumbers;

		public CasesUnderHandling(List<String> caseNumbers) {
			super(Kind.CONFLICT, CASES_OPEN, "cases under handling: " + caseNumbers);
			this.caseNumbers = List.copyOf(caseNumbers);
		}

		public List<String> caseNumbers() {
			return caseNumbers;
		}
	}

	private final Cases cases;
	private final AccountClosure accounts;
	private final NotificationManagement notifications;
	private final DataExports exports;
	private final CorrectionRows corrections;
	private final JdbcClient jdbc;
	private final JsonMapper json;

	AccountClosing(Cases cases, AccountClosure accounts, NotificationManagement notifications, DataExports exports, CorrectionRows corrections,
			JdbcClient jdbc, JsonMapper json) {
		this.cases = cases;
		this.accounts = accounts;
		this.notifications = notifications;
		this.exports = exports;
		this.corrections = corrections;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The person's cases that are submitted and not finished: closing waits for them. */
	@Transactional(readOnly = true)
	public List<CaseSummary> underHandling(Actor actor) {
		return cases.mine(actor).stream().filter(c -> handling(CaseStatus.valueOf(c.status()))).toList();
	}

	/** The person's cases that are finished: their records stay. */
	private List<CaseSummary> finished(Actor actor) {
		return cases.mine(actor).stream().filter(c -> CaseStatus.valueOf(c.status()).finished()).toList();
	}

	static boolean handling(CaseStatus status) {
		return status != CaseStatus.DRAFT && !status.finished();
	}

	/**
	 * Closes the actor's own account; refused ({@link CasesUnderHandling}) while cases are handled. Everything happens in
	 * one transaction: the account is closed with all its deletions, or nothing is.
	 */
	@Transactional
	public Statement close(Actor actor) {
		if (!actor.actingForSelf()) {
			throw DomainException.notFound("account");
		}
		List<CaseSummary> open = underHandling(actor);
		if (!open.isEmpty()) {
			throw new CasesUnderHandling(open.stream().map(CaseSummary::caseNumber).toList());
		}
		List<String> kept = finished(actor).stream().map(c -> c.caseNumber() + " " + c.itemName()).toList();
		UUID accountId = actor.accountId();
		int messages = notifications.forget(accountId);
		int copies = exports.forget(accountId);
		int requests = corrections.forgetValues(accountId);
		Instant closedAt = accounts.close(accountId);
		List<String> deleted = List.of(
				"账号中的公民身份号码、手机号码、电子邮箱和密码；账号名称改为“已注销用户”",
				"站内消息 " + messages + " 条",
				"个人信息副本 " + copies + " 份（含文件）",
				"隐私中心中的更正请求记录 " + requests + " 条（已提交的更正办件按办件保存）",
				"全部登录会话，账号不能再登录");
		Statement statement = new Statement(closedAt, deleted, keptItems(kept));
		jdbc.sql("insert into privacy_closure (id, account_id, closed_at, statement) values (?, ?, ?, ?::jsonb)")
			.params(UUID.randomUUID(), accountId, closedAt.atOffset(ZoneOffset.UTC), json.writeValueAsString(statement))
			.update();
		return statement;
	}

	private static List<Kept> keptItems(List<String> finishedCases) {
		List<Kept> kept = new ArrayList<>();
		kept.add(new Kept("已办结办件的记录（申请表、材料、办理过程和决定）" + (finishedCases.isEmpty() ? "" : "：" + String.join("；", finishedCases)),
				"办件是行政机关作出决定的依据和档案，保存期限内只存储、不再作其他处理，期满后删除（平台设定办件材料保存期限为 30 年）",
				"《中华人民共和国个人信息保护法》第四十七条第二款；《中华人民共和国档案法》"));
		kept.add(new Kept("审计日志和登录记录", "证明平台上发生过的操作，用于安全事件调查",
				"《中华人民共和国网络安全法》第二十一条第（三）项：网络日志留存不少于六个月"));
		kept.add(new Kept("您的个人信息被查询的记录和您的同意记录", "个人信息处理情况的记录，供监督检查",
				"《中华人民共和国个人信息保护法》第五十六条：处理情况记录应当至少保存三年"));
		kept.add(new Kept("部门签发给您的电子证照、您提交的 12345 诉求和评价", "由签发证照、承办诉求和统计评价的部门依法保存",
				"《国务院关于在线政务服务的若干规定》（国务院令第716号）；《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（国办发〔2020〕53号）"));
		kept.add(new Kept("账号的注销记录（公民身份号码和手机号码的不可逆索引、注销时间）",
				"再次用这些号码登录时告知账号已注销；同一公民身份号码可以重新注册新账号",
				"《中华人民共和国个人信息保护法》第五十六条"));
		return kept;
	}
}
