package tongban.hotline;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.Hashes;

/**
 * Submissions through an interface that a client may safely retry (Open311): a ticket saved whose answer never reached
 * the client must not turn into "code already used" or a second ticket. A retry is recognised by the client's
 * {@code Idempotency-Key} (the same key with the same content returns the ticket already created; with other content
 * it is refused), or, without a key, as the identical request carrying the same SMS code while that code is valid.
 * Requests with one key or one content are serialised by a transaction-scoped advisory lock, so two copies sent at
 * once create one ticket.
 */
@Service
public class RetryableSubmissions {

	/** What came of a submission. */
	public enum Kind {
		/** A new ticket, or the module's problems with the request. */
		SUBMITTED,
		/** The ticket an earlier copy of this request created. */
		REPLAYED,
		/** The key was used before for a different request: nothing saved. */
		KEY_REUSED
	}

	/** {@code submitted} is the new or earlier ticket, or the problems; empty for {@link Kind#KEY_REUSED}. */
	public record Outcome(Kind kind, Submitted submitted) {
	}

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final TicketIntake intake;
	private final Tickets tickets;
	private final HotlineSettings settings;

	RetryableSubmissions(JdbcClient jdbc, DataKeys keys, TicketIntake intake, Tickets tickets, HotlineSettings settings) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.intake = intake;
		this.tickets = tickets;
		this.settings = settings;
	}

	@Transactional
	public Outcome submit(NewTicket ticket, TicketSource source, String idempotencyKey) {
		String client = source.apiClient();
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		String fingerprint = fingerprint(ticket);
		if (key != null) {
			lock(client + "\u001fkey\u001f" + key);
			record Earlier(UUID ticketId, String fingerprint) {
			}
			Optional<Earlier> earlier = jdbc.sql("select ticket_id, fingerprint from hotline_submission where api_client = ? and idempotency_key = ?")
				.params(client, key)
				.query(Earlier.class)
				.optional();
			if (earlier.isPresent()) {
				return earlier.get().fingerprint().equals(fingerprint) ? replay(earlier.get().ticketId())
						: new Outcome(Kind.KEY_REUSED, new Submitted(List.of(), null, null, null));
			}
		}
		else if (ticket.phoneCode() != null && !ticket.phoneCode().isBlank()) {
			lock(client + "\u001fcontent\u001f" + fingerprint);
			Optional<UUID> earlier = jdbc.sql("""
					select ticket_id from hotline_submission where api_client = ? and fingerprint = ? and created_at > ?
					order by created_at desc limit 1""")
				.params(client, fingerprint, OffsetDateTime.now(Clocks.ZONE).minus(settings.codeValidity()))
				.query(UUID.class)
				.optional();
			if (earlier.isPresent()) {
				return replay(earlier.get());
			}
		}
		Submitted s = intake.submit(ticket, source);
		if (s.ok()) {
			jdbc.sql("insert into hotline_submission (api_client, idempotency_key, fingerprint, ticket_id) values (?, ?, ?, ?)")
				.params(client, key, fingerprint, s.id().value())
				.update();
		}
		return new Outcome(Kind.SUBMITTED, s);
	}

	private Outcome replay(UUID ticketId) {
		Ticket t = tickets.find(new TicketId(ticketId)).orElseThrow();
		return new Outcome(Kind.REPLAYED, new Submitted(List.of(), t.id(), t.number(), t.token()));
	}

	private void lock(String what) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(what).query(Object.class).single();
	}

	/** A keyed MAC of everything the request says (the phone and its code included), so nothing personal is stored. */
	private String fingerprint(NewTicket t) {
		StringBuilder b = new StringBuilder("open311-request");
		for (Object part : new Object[] { t.type(), t.categoryCode(), t.urgency(), t.regionCode(), t.address(), t.lat(), t.lon(),
				t.description(), t.contactName(), t.phone(), t.phoneCode(), t.publishConsent() }) {
			b.append('\u001f').append(part == null ? "" : part.toString().strip());
		}
		if (t.attachments() != null) {
			t.attachments().forEach(u -> b.append('\u001f').append(Hashes.sha256Hex(u.bytes())));
		}
		return keys.mac(b.toString());
	}
}
