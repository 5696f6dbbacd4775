package tongban.openness.internal.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tongban.hotline.AnswerSuggestions;

/** The knowledge base answering the hotline's port: entries ranked by the ticket's text, each linking its page. */
@Component
class KnowledgeSuggestions implements AnswerSuggestions {

	private final KnowledgeReading reading;

	KnowledgeSuggestions(KnowledgeReading reading) {
		this.reading = reading;
	}

	@Override
	public List<SuggestedAnswer> suggest(String ticketText, int limit) {
		return reading.answers(ticketText, limit).stream().map(KnowledgeSuggestions::answer).toList();
	}

	@Override
	public Optional<SuggestedAnswer> find(String ref) {
		return KnowledgeBase.id(ref).flatMap(reading::find).filter(KnowledgeEntry::active).map(KnowledgeSuggestions::answer);
	}

	private static SuggestedAnswer answer(KnowledgeEntry e) {
		return new SuggestedAnswer(e.id().toString(), e.question(), e.answer(), e.question(), e.path());
	}
}
