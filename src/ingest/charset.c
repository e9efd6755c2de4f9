/*
 * charset.c: bytes in a legacy charset into UTF-8 (see charset.h).
 *
 * The order is the one of charset.h: byte-order mark, <meta>, the HTTP
 * header, the detector. The page's own <meta> goes before the server's
 * header, against the browsers' rule: a crawl's header is the likelier to be
 * a server default ("charset=iso-8859-1" on every page) than the author's
 * declaration is to be wrong. Two rules keep text that is already right as
 * it is: bytes that are valid UTF-8 and hold any non-ASCII character are
 * read as UTF-8 whatever a label says (a legacy text that happens to be
 * valid UTF-8 is far rarer than a stale label), and plain ASCII is left
 * alone under any ASCII-compatible label (only the 7-bit encodings,
 * ISO-2022-* and UTF-7, change it). Without a label, text that is not
 * UTF-8 goes to libuchardet, unless most of its non-ASCII sequences are
 * valid UTF-8 (a UTF-8 text with a few broken bytes is repaired, not
 * reread as another charset).
 *
 * The <meta> prescan is the HTML standard's, shortened: the first
 * META_SCAN bytes, every <meta ...> tag's attributes, charset= or an
 * http-equiv="content-type" with a content holding charset=. Labels are
 * mapped to the iconv name of the decoder browsers use for them (the
 * WHATWG Encoding table's main cases: "iso-8859-1" is windows-1252,
 * "shift_jis" is CP932). A label that is UTF-16 without a byte-order mark
 * is passed over, as browsers do.
 *
 * Limits: UTF-32 and the EBCDIC charsets are read only when declared; the
 * detector sees the first DETECT_BYTES bytes.
 */
#include "ingest/charset.h"
#include "util/util.h"
#include "util/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <uchardet.h>

#define META_SCAN 8192
#define DETECT_BYTES ((size_t)256 << 10)

/* How far the bytes are UTF-8. */
typedef struct utf8_scan {
	bool valid, ascii;
	size_t multibyte, invalid, first_invalid;
} utf8_scan;

/* How far s[0, n) is UTF-8: valid, ASCII only, its multibyte and invalid sequences, the first invalid one. */
static utf8_scan scan_utf8(const char *s, size_t n)
{
	utf8_scan u = {true, true, 0, 0, 0};
	for (size_t i = 0; i < n;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		u.ascii = false;
		int32_t cp;
		int k = cr_utf8_decode(s + i, n - i, &cp);
		if (cp < 0) {
			if (u.valid)
				u.first_invalid = i;
			u.valid = false;
			u.invalid++;
		} else {
			u.multibyte++;
		}
		i += (size_t)k;
	}
	return u;
}

/* WHATWG labels whose decoder has another iconv name; the rest go to iconv as written. */
static const struct {
	const char *label, *iconv;
} k_labels[] = {
	{"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"},
	{"latin1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
	{"ascii", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"},
	{"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"}, {"x-sjis", "CP932"},
	{"ms_kanji", "CP932"}, {"windows-31j", "CP932"}, {"csshiftjis", "CP932"},
	{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"}, {"gb_2312-80", "GB18030"},
	{"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"}, {"windows-949", "CP949"},
	{"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
	{"tis-620", "WINDOWS-874"}, {"iso-8859-11", "WINDOWS-874"},
	{"big5", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
};

/* The kinds of label: any other, UTF-8, UTF-16 or -32, a 7-bit encoding that changes ASCII. */
enum { LABEL_OTHER, LABEL_UTF8, LABEL_WIDE, LABEL_7BIT };

/* A label's kind; the iconv name to read it with (upper case, mapped by k_labels) goes to out. */
static int label_kind(const char *label, char *out, size_t outlen)
{
	char low[48];
	size_t n = strlen(label);
	if (n >= sizeof low)
		n = sizeof low - 1;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)cr_lower((unsigned char)label[i]);
	low[n] = 0;
	for (size_t i = 0; i < n && i + 1 < outlen; i++)
		out[i] = cr_is_lower((unsigned char)low[i]) ? (char)(low[i] - 32) : low[i];
	out[CR_MIN(n, outlen - 1)] = 0;
	if (strcmp(low, "utf-8") == 0 || strcmp(low, "utf8") == 0 || strcmp(low, "unicode-1-1-utf-8") == 0)
		return LABEL_UTF8;
	if (strstr(low, "utf-16") || strstr(low, "utf16") || strstr(low, "utf-32") || strstr(low, "utf32") ||
	    strstr(low, "ucs") || strstr(low, "10646") || strstr(low, "unicode") || strstr(low, "wchar"))
		return LABEL_WIDE;
	for (size_t i = 0; i < CR_ARRAY_LEN(k_labels); i++)
		if (strcmp(low, k_labels[i].label) == 0)
			snprintf(out, outlen, "%s", k_labels[i].iconv);
	if (strncmp(low, "iso-2022", 8) == 0 || strcmp(low, "utf-7") == 0 || strncmp(low, "hz-gb", 5) == 0)
		return LABEL_7BIT;
	return LABEL_OTHER;
}

/* The value of charset= in s[0, n) (a Content-Type), into out; false when there is none. */
static bool charset_param(const char *s, size_t n, char *out, size_t outlen)
{
	for (size_t i = 0; i + 8 <= n; i++) {
		if (!cr_ieq(s + i, "charset", 7))
			continue;
		size_t k = i + 7;
		while (k < n && cr_is_space((unsigned char)s[k]))
			k++;
		if (k >= n || s[k] != '=')
			continue;
		k++;
		while (k < n && (cr_is_space((unsigned char)s[k]) || s[k] == '"' || s[k] == '\''))
			k++;
		size_t a = k;
		while (k < n && k - a < outlen - 1 && !cr_is_space((unsigned char)s[k]) && s[k] != ';' && s[k] != '"' &&
		       s[k] != '\'' && s[k] != '>' && s[k] != ',')
			k++;
		if (k == a)
			return false;
		memcpy(out, s + a, k - a);
		out[k - a] = 0;
		return true;
	}
	return false;
}

/* One attribute of a tag at p (before end): its name and value spans; returns the position after it, or NULL at the tag's end. */
static const char *next_attr(const char *p, const char *end, cr_span *name, cr_span *value, const char *base)
{
	while (p < end && (cr_is_space((unsigned char)*p) || *p == '/'))
		p++;
	if (p >= end || *p == '>')
		return NULL;
	const char *a = p;
	while (p < end && !cr_is_space((unsigned char)*p) && *p != '=' && *p != '>' && *p != '/')
		p++;
	*name = (cr_span){(uint32_t)(a - base), (uint32_t)(p - base)};
	*value = (cr_span){(uint32_t)(p - base), (uint32_t)(p - base)};
	while (p < end && cr_is_space((unsigned char)*p))
		p++;
	if (p >= end || *p != '=')
		return p;
	p++;
	while (p < end && cr_is_space((unsigned char)*p))
		p++;
	char q = p < end && (*p == '"' || *p == '\'') ? *p++ : 0;
	const char *v = p;
	while (p < end && (q ? *p != q : !cr_is_space((unsigned char)*p) && *p != '>'))
		p++;
	*value = (cr_span){(uint32_t)(v - base), (uint32_t)(p - base)};
	return q && p < end ? p + 1 : p;
}

/* The charset a <meta> tag at p (just past "<meta") declares, into out. */
static bool meta_tag_charset(const char *base, const char *p, const char *end, char *out, size_t outlen)
{
	cr_span name, value;
	bool http_equiv = false;
	cr_span content = {0, 0};
	while ((p = next_attr(p, end, &name, &value, base)) != NULL) {
		const char *nm = base + name.start, *v = base + value.start;
		size_t nl = name.end - name.start, vl = value.end - value.start;
		if (nl == 7 && cr_ieq(nm, "charset", 7) && vl > 0 && vl < outlen) {
			memcpy(out, v, vl);
			out[vl] = 0;
			return true;
		}
		if (nl == 10 && cr_ieq(nm, "http-equiv", 10) && vl == 12 && cr_ieq(v, "content-type", 12))
			http_equiv = true;
		if (nl == 7 && cr_ieq(nm, "content", 7))
			content = value;
	}
	return http_equiv && charset_param(base + content.start, content.end - content.start, out, outlen);
}

/* The charset the page's first <meta> declaring one gives, into out. */
static bool meta_charset(const char *s, size_t n, char *out, size_t outlen)
{
	const char *end = s + CR_MIN(n, (size_t)META_SCAN);
	for (const char *p = s; p + 5 < end; p++) {
		if (p[0] == '<' && p[1] == '!' && end - p >= 4 && p[2] == '-' && p[3] == '-') {
			const char *c = p + 4;
			while (c + 3 <= end && memcmp(c, "-->", 3) != 0)
				c++;
			p = c;   /* a comment hides what it holds */
			continue;
		}
		if (p[0] == '<' && cr_ieq(p + 1, "meta", 4) && (cr_is_space((unsigned char)p[5]) || p[5] == '/') &&
		    meta_tag_charset(s, p + 5, end, out, outlen))
			return true;
	}
	return false;
}

/* The detector's guess for s[0, n), into out; false when it has none. */
static bool detect(const char *s, size_t n, char *out, size_t outlen)
{
	uchardet_t ud = uchardet_new();
	if (!ud)
		cr_oom();
	bool ok = uchardet_handle_data(ud, s, CR_MIN(n, DETECT_BYTES)) == 0;
	uchardet_data_end(ud);
	const char *cs = uchardet_get_charset(ud);
	ok = ok && cs && *cs;
	if (ok)
		snprintf(out, outlen, "%s", cs);
	uchardet_delete(ud);
	return ok;
}

/* One iconv call into b's free room (in NULL: the flush); 0, or iconv's errno. */
static int iconv_into(cr_buf *b, iconv_t cd, char **in, size_t *left)
{
	char *op = b->data + b->len;
	size_t room = b->cap - b->len - 1, before = room;
	size_t r = iconv(cd, in, left, &op, &room);
	int e = r == (size_t)-1 ? errno : 0;
	b->len += before - room;
	return e;
}

/*
 * Converts s[skip, n) with cd into b; every byte iconv refuses (EILSEQ, or
 * an incomplete sequence at the end) becomes U+FFFD, counted in *rep with
 * its offset from s.
 */
static void convert(cr_buf *b, iconv_t cd, const char *s, size_t skip, size_t n, cr_charset_report *rep)
{
	char *in = (char *)(uintptr_t)s + skip;
	size_t left = n - skip;
	cr_buf_grow(b, left * 2 + 16);
	while (left > 0) {
		int e = iconv_into(b, cd, &in, &left);
		if (e == E2BIG) {
			cr_buf_grow(b, b->cap);
		} else if (e) {
			if (rep->bad++ == 0)
				rep->first_bad = (size_t)(in - s);
			cr_buf_append(b, "\xEF\xBF\xBD", 3);
			in++;
			left--;
		}
	}
	while (iconv_into(b, cd, NULL, NULL) == E2BIG)
		cr_buf_grow(b, b->cap);
	b->data[b->len] = 0;
}

/*
 * Reads s[skip, n) as charset: 1 with *out, or 0 when iconv does not know
 * the charset or gives no valid UTF-8 for it (glibc writes a UCS-4 value
 * beyond U+10FFFF as an old six-byte sequence): its output is checked, not
 * trusted.
 */
static int decode_as(char **out, size_t *outlen, const char *s, size_t skip, size_t n, const char *charset,
                     cr_charset_report *rep)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1)
		return 0;
	cr_buf b = {0};
	size_t bad = rep->bad, first_bad = rep->first_bad;
	convert(&b, cd, s, skip, n, rep);
	iconv_close(cd);
	if (!scan_utf8(b.data, b.len).valid) {
		cr_buf_free(&b);
		rep->bad = bad;
		rep->first_bad = first_bad;
		return 0;
	}
	snprintf(rep->charset, sizeof rep->charset, "%s", charset);
	*outlen = b.len;
	*out = cr_buf_detach(&b);
	return 1;
}

/*
 * A label declared in `from`: 1 converted, 0 the bytes stay as they are
 * (a UTF-8 label, or bytes a label cannot be right about), -1 the label
 * was passed over (UTF-16 without a mark, or unknown to iconv).
 */
static int decode_declared(char **out, size_t *outlen, const char *s, size_t n, const char *label, const char *from,
                           const utf8_scan *u, cr_charset_report *rep)
{
	char cs[48];
	int kind = label_kind(label, cs, sizeof cs);
	rep->from = from;
	if (kind == LABEL_UTF8)
		return 0;
	if (kind == LABEL_WIDE)
		return -1;
	if ((u->valid && !u->ascii) || (u->ascii && kind != LABEL_7BIT))
		return 0;
	if (decode_as(out, outlen, s, 0, n, cs, rep))
		return 1;
	snprintf(rep->ignored, sizeof rep->ignored, "%s", label);
	return -1;
}

int cr_charset_decode(char **out, size_t *outlen, const char *raw, size_t len, bool html, const char *http_ctype,
                      cr_charset_report *rep)
{
	memset(rep, 0, sizeof *rep);
	*out = NULL;
	*outlen = 0;
	const unsigned char *p = (const unsigned char *)raw;
	if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
		rep->from = "byte-order mark";
		return decode_as(out, outlen, raw, 2, len, p[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", rep);
	}
	if (len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
		return 0;   /* a UTF-8 mark: repaired as UTF-8 if need be, never reread */
	if (memchr(raw, 0, len))
		return 0;   /* binary: the reader refuses it */
	utf8_scan u = scan_utf8(raw, len);
	char label[48];
	int rc = -1;
	if (html && meta_charset(raw, len, label, sizeof label))
		rc = decode_declared(out, outlen, raw, len, label, "<meta>", &u, rep);
	if (rc < 0 && http_ctype && charset_param(http_ctype, strlen(http_ctype), label, sizeof label))
		rc = decode_declared(out, outlen, raw, len, label, "HTTP Content-Type", &u, rep);
	if (rc >= 0)
		return rc;
	rep->from = NULL;
	if (u.valid || u.multibyte > u.invalid)
		return 0;
	char cs[48];
	if (!detect(raw, len, label, sizeof label) || label_kind(label, cs, sizeof cs) != LABEL_OTHER)
		return 0;
	rep->from = "detector";
	rep->first_non_utf8 = u.first_invalid;
	return decode_as(out, outlen, raw, 0, len, cs, rep);
}
