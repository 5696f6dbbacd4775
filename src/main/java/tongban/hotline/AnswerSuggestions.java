package tongban.hotline;

import java.util.List;
import java.util.Optional;

/**
 * Answers an operator can give on the call to a consultation (咨询), ranked by the ticket's text: the hotline needs
 * them, the knowledge base (openness module) holds them, so the hotline owns this port and the knowledge base
 * implements it; the hotline never depends on the module that answers. Without an implementation no answers are
 * suggested.
 */
public interface AnswerSuggestions {

	/** Suggested answers for the text of a ticket, best first, at most {@code limit}. */
	List<SuggestedAnswer> suggest(String ticketText, int limit);

	/** One answer by its reference, if it is still offered. */
	Optional<SuggestedAnswer> find(String ref);

	/**
	 * An answer: {@code ref} names it for the record, {@code sourceTitle} and {@code sourcePath} the page it comes
	 * from (the knowledge entry's public page).
	 */
	record SuggestedAnswer(String ref, String question, String answer, String sourceTitle, String sourcePath) {
	}
}
