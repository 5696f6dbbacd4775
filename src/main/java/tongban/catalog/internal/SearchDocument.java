package tongban.catalog.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * One published item as unified search sees it: Chinese text analysed by Lucene's smartcn (HMM) tokenizer, pinyin
 * (full and initials) of the name and aliases for Latin input, and the facets.
 */
@Entity
@Table(name = "catalog_search_document")
@Indexed(index = "items")
public class SearchDocument {

	@Id
	@DocumentId
	@KeywordField(name = "code", sortable = Sortable.YES) // last tie-break: equal scores keep one order on every backend
	private String code;
	@FullTextField(analyzer = SearchAnalysis.CHINESE, projectable = Projectable.YES)
	private String name;
	@FullTextField(analyzer = SearchAnalysis.CHINESE)
	private String aliases;
	@FullTextField(analyzer = SearchAnalysis.CHINESE)
	private String keywords;
	@FullTextField(analyzer = SearchAnalysis.CHINESE)
	private String body;
	@FullTextField(analyzer = SearchAnalysis.LATIN)
	private String pinyin;
	@FullTextField(analyzer = SearchAnalysis.LATIN)
	private String initials;
	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private String type;
	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private String departmentCode;
	@GenericField(projectable = Projectable.YES)
	private int onlineDepth;
	@GenericField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private int requiredVisits;
	@KeywordField(projectable = Projectable.YES)
	private String scope;
	@GenericField(sortable = Sortable.YES)
	private long popularity;

	protected SearchDocument() {
	}

	public SearchDocument(String code, String name, String aliases, String keywords, String body, String pinyin,
			String initials, String type, String departmentCode, int onlineDepth, int requiredVisits, String scope) {
		this.code = code;
		this.name = name;
		this.aliases = aliases;
		this.keywords = keywords;
		this.body = body;
		this.pinyin = pinyin;
		this.initials = initials;
		this.type = type;
		this.departmentCode = departmentCode;
		this.onlineDepth = onlineDepth;
		this.requiredVisits = requiredVisits;
		this.scope = scope;
	}

	public String code() {
		return code;
	}

	public String name() {
		return name;
	}

	public String type() {
		return type;
	}

	public String departmentCode() {
		return departmentCode;
	}

	public int onlineDepth() {
		return onlineDepth;
	}

	public int requiredVisits() {
		return requiredVisits;
	}

	public String scope() {
		return scope;
	}
}
