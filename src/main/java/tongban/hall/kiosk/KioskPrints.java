package tongban.hall.kiosk;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.casework.CaseDocuments;
import tongban.casework.CaseSummary;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.directory.ServicePoints;
import tongban.hall.Channel;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.hall.QueueNumbers;
import tongban.hall.QueueTicket;
import tongban.hall.Series;
import tongban.hall.kiosk.internal.ReceiptPdf;
import tongban.licence.HeldLicences;
import tongban.licence.LicenceManagement;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * What a kiosk does for the person in front of it: takes a queue number and prints its receipt, and prints a signed-in
 * person's e-licence from their wallet. Every print is a job in the print log (the console lists them); a number and
 * its receipt are one transaction, so a printer that fails leaves no number without a receipt.
 */
@Service
@Transactional
public class KioskPrints {

	/** A print job as the console lists it. */
	public record PrintJob(UUID id, UUID kioskId, String kind, String title, UUID accountId, int bytes, String location,
			Instant printedAt) implements Serializable {
	}

	/** A number taken at a kiosk: the ticket, how many wait ahead of it, and its printed receipt. */
	public record Taken(QueueTicket ticket, long waitingAhead, PrintJob receipt) implements Serializable {
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.ZONE);

	private final JdbcClient jdbc;
	private final QueueNumbers numbers;
	private final ServicePoints points;
	private final HeldLicences licences;
	private final KioskPrinter printer;
	private final Cases cases;
	private final CaseDocuments documents;
	private final IdentityManagement identity;
	private final AuditTrail audit;
	private final Clock clock;
	private final String publicUrl;

	KioskPrints(JdbcClient jdbc, QueueNumbers numbers, ServicePoints points, HeldLicences licences, KioskPrinter printer, Cases cases,
			CaseDocuments documents, IdentityManagement identity, AuditTrail audit, Clock clock,
			@Value("${tongban.public-url:http://localhost:8080}") String publicUrl) {
		this.cases = cases;
		this.documents = documents;
		this.identity = identity;
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.points = points;
		this.licences = licences;
		this.printer = printer;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/**
	 * Takes a number of the series at the kiosk's point for whoever stands there (signed in or not) and prints its
	 * receipt. The green channel needs a card that shows 65 or older ({@code hall-kiosk-green}); a closed point gives
	 * no number ({@code hall-point-closed}).
	 */
	public Taken takeNumber(Kiosk kiosk, KioskPerson person, Series series) {
		if (series == Series.G && (person == null || !person.green())) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "hall-kiosk-green", "the green channel needs an ID card of 65 or older");
		}
		QueueTicket ticket = numbers.take(new QueueNumbers.Take(kiosk.pointId(), series, Channel.KIOSK,
				person == null ? null : person.accountId(), null, null, null));
		long ahead = waitingAhead(ticket);
		String pointName = points.point(kiosk.pointId()).map(ServicePoints.ServicePoint::name).orElse("");
		byte[] pdf = ReceiptPdf.render(new ReceiptPdf.Receipt(pointName, ticket.label(), series.label(), TIME.format(ticket.takenAt()), ahead,
				pageOf(ticket)));
		PrintJob job = print(kiosk, "RECEIPT", "取号凭条 " + ticket.label(), ticket.accountId(), pdf);
		return new Taken(ticket, ahead, job);
	}

	/** The address of the number's own page (position, estimated wait), for its QR code. */
	public String pageOf(QueueTicket ticket) {
		return publicUrl + "/hall/tickets/" + ticket.token();
	}

	/**
	 * How many numbers of the point wait before this one today: earlier ones of its series, and every waiting green
	 * channel number when it is not one (those are called first).
	 */
	@Transactional(readOnly = true)
	public long waitingAhead(QueueTicket ticket) {
		return jdbc.sql("""
				select count(*) from hall_queue_ticket
				where point_id = ? and day = ? and status = 'WAITING' and id <> ?
				  and ((series = ? and number < ?) or (series = 'G' and ? <> 'G'))""")
			.params(ticket.pointId(), ticket.day(), ticket.id(), ticket.series().name(), ticket.number(), ticket.series().name())
			.query(Long.class)
			.single();
	}

	/** The signed-in person's licences that the kiosk can print. */
	@Transactional(readOnly = true)
	public List<LicenceManagement.LicenceView> licences(KioskPerson person) {
		if (person == null || !person.hasAccount()) {
			return List.of();
		}
		return licences.wallet(person.accountId()).stream().filter(l -> "VALID".equals(l.state())).toList();
	}

	/** Prints one of the signed-in person's valid licences; another's (or an unknown one) is not found. */
	public PrintJob printLicence(Kiosk kiosk, KioskPerson person, UUID licenceId) {
		LicenceManagement.LicenceView licence = licences(person).stream().filter(l -> l.id().equals(licenceId)).findFirst()
			.orElseThrow(() -> DomainException.notFound("licence"));
		return print(kiosk, "LICENCE", licence.name() + " " + licence.number(), person.accountId(), licences.pdf(licence));
	}

	/** The signed-in person's own cases that have a 受理通知书 to print. */
	@Transactional(readOnly = true)
	public List<CaseSummary> acceptances(KioskPerson person) {
		if (person == null || !person.hasAccount()) {
			return List.of();
		}
		Actor actor = identity.selfActor(person.accountId()).orElseThrow(() -> DomainException.notFound("account"));
		return cases.mine(actor).stream()
			.filter(c -> cases.find(actor, c.id()).map(v -> documents.available(v).contains(CaseDocuments.Kind.ACCEPTANCE)).orElse(false))
			.toList();
	}

	/** Prints the 受理通知书 of one of the signed-in person's own cases; another's (or none) is not found. */
	public PrintJob printAcceptance(Kiosk kiosk, KioskPerson person, UUID caseId) {
		CaseSummary summary = acceptances(person).stream().filter(c -> c.id().value().equals(caseId)).findFirst()
			.orElseThrow(() -> DomainException.notFound("case"));
		Actor actor = identity.selfActor(person.accountId()).orElseThrow();
		CaseView view = cases.find(actor, summary.id()).orElseThrow(() -> DomainException.notFound("case"));
		byte[] pdf = documents.pdf(view, CaseDocuments.Kind.ACCEPTANCE).orElseThrow(() -> DomainException.notFound("case"));
		return print(kiosk, "ACCEPTANCE", "受理通知书 " + summary.caseNumber(), person.accountId(), pdf);
	}

	private PrintJob print(Kiosk kiosk, String kind, String title, UUID accountId, byte[] pdf) {
		UUID id = UUID.randomUUID();
		String location = printer.print(kiosk, id.toString(), pdf);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into hall_kiosk_print (id, kiosk_id, kind, title, account_id, bytes, location, printed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, kiosk.id(), kind, title, accountId, pdf.length, location, Timestamp.from(now))
			.update();
		if (accountId != null) {
			audit.record("HALL_KIOSK", "account:" + accountId, "kiosk:" + kiosk.id(), "printed " + kind + ": " + title);
		}
		return new PrintJob(id, kiosk.id(), kind, title, accountId, pdf.length, location, now);
	}

	/** The newest print jobs of every kiosk. */
	@Transactional(readOnly = true)
	public List<PrintJob> jobs(int limit) {
		return jdbc.sql("select id, kiosk_id, kind, title, account_id, bytes, location, printed_at from hall_kiosk_print order by printed_at desc limit ?")
			.param(limit)
			.query(PrintJob.class)
			.list();
	}
}
