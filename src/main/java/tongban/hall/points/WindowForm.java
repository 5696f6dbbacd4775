package tongban.hall.points;

import java.util.List;

import tongban.directory.ServicePoints.PointWindow;

/** The console's form of a window; items one code a line (or separated by commas), ignored when it serves every item. */
public class WindowForm {

	private String number = "";
	private String name = "综合窗口";
	private String kind = "GENERAL";
	private String series = "A";
	private boolean servesAll;
	private String items = "";

	public static WindowForm of(PointWindow w, List<String> itemCodes) {
		WindowForm f = new WindowForm();
		f.number = w.number();
		f.name = w.name();
		f.kind = w.kind().name();
		f.series = w.series();
		f.servesAll = w.servesAllItems();
		f.items = String.join("\n", itemCodes);
		return f;
	}

	/** The item codes typed, in order, without blanks. */
	public List<String> itemCodes() {
		return items == null ? List.of() : List.of(items.strip().split("[\\s,，、]+")).stream().filter(s -> !s.isBlank()).distinct().toList();
	}

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getSeries() {
		return series;
	}

	public void setSeries(String series) {
		this.series = series;
	}

	public boolean isServesAll() {
		return servesAll;
	}

	public void setServesAll(boolean servesAll) {
		this.servesAll = servesAll;
	}

	public String getItems() {
		return items;
	}

	public void setItems(String items) {
		this.items = items;
	}
}
