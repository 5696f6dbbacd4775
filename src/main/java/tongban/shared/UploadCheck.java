package tongban.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What makes an uploaded file unsafe to keep or to open, beyond its type: a PDF that does not parse as a whole
 * (truncated, no end-of-file marker, or PDFBox can only guess at it), a PDF with active content (JavaScript, launch
 * actions, embedded files or XFA forms: what a clerk's reader would run or unpack), and an OFD package (a ZIP) whose
 * expanded size or number of entries is out of all proportion (a zip bomb). One check, used by every upload and by
 * {@code /verify}.
 */
public final class UploadCheck {

	/** Why a file is refused; each has the message {@code upload.error.<code>}. */
	public enum Problem {
		PDF_UNREADABLE("pdf-unreadable"), PDF_ACTIVE_CONTENT("pdf-active-content"), PACKAGE_TOO_LARGE("package-too-large"),
		PACKAGE_UNREADABLE("package-unreadable");

		private final String code;

		Problem(String code) {
			this.code = code;
		}

		/** The stable code (problem+json) ... */
		public String code() {
			return code;
		}

		/** ... and the message key of the reason shown beside the field. */
		public String messageKey() {
			return "upload.error." + code;
		}
	}

	/** The most an OFD package may expand to: far above any real document of the 10 MB an upload may be. */
	public static final long PACKAGE_MAX_EXPANDED = 64L * 1024 * 1024;
	/** The most entries an OFD package may hold (a licence has about twenty). */
	public static final int PACKAGE_MAX_ENTRIES = 2_000;
	/** The most PDF objects walked looking for active content; a PDF with more is refused as unreadable. */
	static final int PDF_MAX_OBJECTS = 500_000;

	/** Keys and action types that make a PDF active. */
	private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.EMBEDDED_FILES, COSName.EF,
			COSName.getPDFName("XFA"));
	private static final Set<COSName> ACTIVE_ACTIONS = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"), COSName.getPDFName("ImportData"),
			COSName.getPDFName("RichMediaExecute"));
	private static final Set<COSName> ACTIVE_TYPES = Set.of(COSName.EMBEDDED_FILE, COSName.getPDFName("RichMedia"));

	private UploadCheck() {
	}

	/** The problem of a file of a detected type ({@link FileTypes}), or empty when it may be kept. */
	public static Optional<Problem> problem(byte[] bytes, String contentType) {
		if (FileTypes.PDF.equals(contentType)) {
			return pdfProblem(bytes);
		}
		if (FileTypes.OFD.equals(contentType)) {
			try {
				unpack(bytes);
				return Optional.empty();
			}
			catch (TooLarge e) {
				return Optional.of(Problem.PACKAGE_TOO_LARGE);
			}
			catch (IOException | RuntimeException e) {
				return Optional.of(Problem.PACKAGE_UNREADABLE);
			}
		}
		return Optional.empty();
	}

	/** A package whose expanded size or entry count passes the bounds. */
	public static final class TooLarge extends IOException {

		private static final long serialVersionUID = 1L;

		TooLarge() {
			super("the package expands beyond " + PACKAGE_MAX_EXPANDED + " bytes or " + PACKAGE_MAX_ENTRIES + " entries");
		}
	}

	/**
	 * The entries of a ZIP package by name (a leading slash dropped), read within the bounds: what is expanded is
	 * counted as it is read, whatever the entries' headers claim.
	 */
	public static Map<String, byte[]> unpack(byte[] zip) throws IOException {
		Map<String, byte[]> out = new LinkedHashMap<>();
		long total = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				if (out.size() >= PACKAGE_MAX_ENTRIES) {
					throw new TooLarge();
				}
				byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, PACKAGE_MAX_EXPANDED - total + 1));
				total += data.length;
				if (total > PACKAGE_MAX_EXPANDED) {
					throw new TooLarge();
				}
				out.put(e.getName().replaceFirst("^/", ""), data);
			}
		}
		return out;
	}

	private static Optional<Problem> pdfProblem(byte[] pdf) {
		if (!endsWithEof(pdf)) {
			return Optional.of(Problem.PDF_UNREADABLE);
		}
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			if (doc.getNumberOfPages() < 1) {
				return Optional.of(Problem.PDF_UNREADABLE);
			}
			return active(doc.getDocument().getTrailer()) ? Optional.of(Problem.PDF_ACTIVE_CONTENT) : Optional.empty();
		}
		catch (IOException | RuntimeException e) {
			return Optional.of(Problem.PDF_UNREADABLE);
		}
		catch (WalkTooLong e) {
			return Optional.of(Problem.PDF_UNREADABLE);
		}
	}

	/** A complete PDF ends with %%EOF (ISO 32000-1 §7.5.5), maybe followed by line ends; a truncated one does not. */
	private static boolean endsWithEof(byte[] pdf) {
		int from = Math.max(0, pdf.length - 1024);
		String tail = new String(pdf, from, pdf.length - from, StandardCharsets.ISO_8859_1);
		return tail.stripTrailing().endsWith("%%EOF");
	}

	private static final class WalkTooLong extends Exception {

		private static final long serialVersionUID = 1L;
	}

	private static boolean in(Set<COSName> names, COSName name) {
		return name != null && names.contains(name);
	}

	/** Whether any object reachable from the trailer is active content (every page, annotation, name tree ...). */
	private static boolean active(COSDictionary trailer) throws WalkTooLong {
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<COSBase> todo = new ArrayDeque<>();
		todo.push(trailer);
		while (!todo.isEmpty()) {
			COSBase next = todo.pop();
			if (next instanceof COSObject indirect) {
				next = indirect.getObject();
			}
			if (next == null || !seen.add(next)) {
				continue;
			}
			if (seen.size() > PDF_MAX_OBJECTS) {
				throw new WalkTooLong();
			}
			if (next instanceof COSDictionary dict) {
				for (COSName key : dict.keySet()) {
					if (ACTIVE_KEYS.contains(key)) {
						return true;
					}
				}
				if (in(ACTIVE_ACTIONS, dict.getCOSName(COSName.S)) || in(ACTIVE_TYPES, dict.getCOSName(COSName.TYPE))
						|| COSName.getPDFName("FileAttachment").equals(dict.getCOSName(COSName.SUBTYPE))) {
					return true;
				}
				for (COSBase value : dict.getValues()) {
					todo.push(value);
				}
			}
			else if (next instanceof COSArray array) {
				for (int i = 0; i < array.size(); i++) {
					todo.push(array.get(i));
				}
			}
		}
		return false;
	}
}
