package tongban.openness.internal;

import static tongban.openness.internal.ConsultationRules.trim;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.hotline.NewTicket;
import tongban.hotline.PhoneConfirmation;
import tongban.hotline.PublicReplies;
import tongban.hotline.PublicReply;
import tongban.hotline.Submitted;
import tongban.hotline.TicketDispatch;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.shared.FieldProblem;

/**
 * 领导信箱 / 网络问政: a letter to the head of a department of the home district, or to the district head (through the
 * 区政府办公室), is a 12345 ticket of the channel {@link TicketSource#MAILBOX}: taken in by the hotline's intake (signed
 * in, or with the phone confirmed by an SMS code), dispatched at once to the department addressed, then handled,
 * answered, closed and published in the hotline workbench like any ticket, on its clocks. No second ticket system.
 */
@Service
public class MailboxLetters {

	/** The department whose head is the district head's office: its mailbox is the 区长信箱. */
	public static final String DISTRICT_HEAD = "XH-ZFB";
	/** What a letter may be: 咨询, 建议, 投诉, 求助 (a 举报 goes through 12345 itself, never published). */
	public static final List<String> TYPES = List.of("CONSULT", "SUGGESTION", "COMPLAINT", "HELP");
	/** The hotline category letters are filed under (the department reads the letter itself). */
	static final String CATEGORY = "QT0101";
	/** Who dispatched it, in the ticket's history. */
	static final String DISPATCHER = "领导信箱";

	private final DirectoryManagement directory;
	private final TicketIntake intake;
	private final TicketDispatch dispatch;
	private final PhoneConfirmation phones;
	private final PublicReplies replies;

	MailboxLetters(DirectoryManagement directory, TicketIntake intake, TicketDispatch dispatch, PhoneConfirmation phones,
			PublicReplies replies) {
		this.directory = directory;
		this.intake = intake;
		this.dispatch = dispatch;
		this.phones = phones;
		this.replies = replies;
	}

	/** One mailbox: the department whose head reads it. */
	public record Mailbox(String departmentCode, String departmentName, boolean districtHead) {
	}

	/** What a person writes. {@code phone} and {@code phoneCode} only when not signed in. */
	public record Letter(String type, String description, String contactName, String phone, String phoneCode,
			boolean publishConsent) {
	}

	/** The signed-in writer: account, name and the mobile of the account. */
	public record Writer(UUID accountId, String name, String mobile) {
	}

	/** The mailboxes of the home district: the district head's first, then each department's. */
	public List<Mailbox> mailboxes() {
		String home = directory.homeRegion();
		return directory.departments()
			.stream()
			.filter(d -> d.regionCode() != null && d.regionCode().startsWith(home))
			.map(MailboxLetters::mailbox)
			.sorted(Comparator.comparing((Mailbox m) -> !m.districtHead()).thenComparing(Mailbox::departmentCode))
			.toList();
	}

	public Optional<Mailbox> mailbox(String departmentCode) {
		return mailboxes().stream().filter(m -> m.departmentCode().equals(trim(departmentCode))).findFirst();
	}

	private static Mailbox mailbox(DepartmentView d) {
		return new Mailbox(d.code(), d.name(), DISTRICT_HEAD.equals(d.code()));
	}

	/** Sends the SMS code that confirms an anonymous writer's phone. */
	public Optional<FieldProblem> sendCode(String phone) {
		return phones.sendCode(phone, PhoneConfirmation.Purpose.MAILBOX);
	}

	/**
	 * Takes the letter in as a ticket of the mailbox channel and dispatches it to the mailbox's department, together or
	 * not at all; {@code writer} empty: anonymous, with the phone's code.
	 */
	@Transactional
	public Submitted write(Mailbox mailbox, Letter letter, Optional<Writer> writer) {
		String type = trim(letter.type());
		if (!TYPES.contains(type)) {
			return Submitted.refused(List.of(FieldProblem.of("type", "hotline.error.type")));
		}
		NewTicket ticket = new NewTicket(type, CATEGORY, null, directory.homeRegion(), "", null, null, letter.description(),
				writer.map(Writer::name).orElse(letter.contactName()), writer.map(Writer::mobile).orElse(letter.phone()),
				writer.isPresent() ? null : letter.phoneCode(), letter.publishConsent(), List.of());
		TicketSource source = TicketSource.mailbox(mailbox.departmentCode(), writer.map(Writer::accountId).orElse(null),
				writer.map(Writer::name).orElse(null));
		Submitted submitted = intake.submit(ticket, source);
		if (submitted.ok()) {
			dispatch.dispatch(submitted.id(), DISPATCHER, mailbox.departmentCode(), List.of());
		}
		return submitted;
	}

	/** The mailbox's letters published with their answers, newest first. */
	public List<PublicReply> published(Mailbox mailbox) {
		return replies.ofMailbox(mailbox.departmentCode(), 100);
	}
}
