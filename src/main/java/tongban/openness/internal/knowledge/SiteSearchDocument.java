package tongban.openness.internal.knowledge;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

import tongban.catalog.SearchLanguage;

/**
 * One policy, interpretation, article or active knowledge entry as site-wide search sees it: the same analysis and
 * field names as items (catalog's {@link SearchLanguage}), the content type as a facet, and what a hit shows (title,
 * snippet, page) stored in the index so hits need no database round trip.
 */
@Entity
@Table(name = "openness_search_document")
@Indexed(index = "openness")
public class SiteSearchDocument {

	@Id
	@DocumentId
	private String id;
	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private String kind;
	@KeywordField(projectable = Projectable.YES)
	private UUID ref;
	@FullTextField(analyzer = SearchLanguage.CHINESE, projectable = Projectable.YES)
	private String name;
	@FullTextField(analyzer = SearchLanguage.CHINESE)
	private String aliases;
	@FullTextField(analyzer = SearchLanguage.CHINESE)
	private String keywords;
	@FullTextField(analyzer = SearchLanguage.CHINESE)
	private String body;
	@FullTextField(analyzer = SearchLanguage.GRAMS)
	private String grams;
	@FullTextField(analyzer = SearchLanguage.LATIN)
	private String pinyin;
	@FullTextField(analyzer = SearchLanguage.LATIN)
	private String initials;
	@KeywordField(projectable = Projectable.YES)
	private String departmentCode;
	@KeywordField(projectable = Projectable.YES, searchable = Searchable.NO)
	private String path;
	@KeywordField(projectable = Projectable.YES, searchable = Searchable.NO)
	private String snippet;
	@GenericField(projectable = Projectable.YES)
	private LocalDate publishedOn;

	protected SiteSearchDocument() {
	}

	SiteSearchDocument(String kind, UUID ref, String name, String aliases, String keywords, String body, String grams, String pinyin, String initials,
			String departmentCode, String path, String snippet, LocalDate publishedOn) {
		this.id = id(kind, ref);
		this.kind = kind;
		this.ref = ref;
		this.name = name;
		this.aliases = aliases;
		this.keywords = keywords;
		this.body = body;
		this.grams = grams;
		this.pinyin = pinyin;
		this.initials = initials;
		this.departmentCode = departmentCode == null ? "" : departmentCode;
		this.path = path;
		this.snippet = snippet;
		this.publishedOn = publishedOn;
	}

	static String id(String kind, UUID ref) {
		return kind + ":" + ref;
	}

	public String id() {
		return id;
	}
}
