/*
 * ecbscore.c: corrob's cross-document coreference on ECB+, scored.
 *
 * For each topic: the CAT files are converted (cat.c), `corrob run` reads
 * the topic's folder as a user would (both sub-clusters together), and the
 * JSON report's entity and event spans (byte ranges of the stored clean
 * text) are mapped back to ECB+ tokens: the clean text is rebuilt with the
 * same ingest code corrob used (cr_ingest_text), whose map leads from clean
 * text to the converted file, whose token offsets lead to t_ids. A span
 * becomes the run of tokens it overlaps.
 *
 * Key mentions (docs/ecbplus.md): in the sentences the corpus CSV lists,
 * entities are the HUMAN_PART_PER, HUMAN_PART_ORG, HUMAN_PART_GPE, LOC_GEO
 * and LOC_FAC markables that hold a name (a capitalised word that is not a
 * sentence's first word or is no pronoun or determiner); events are the
 * ACTION_OCCURRENCE and NEG_ACTION_OCCURRENCE markables. Their clusters are
 * the cross-document instances (a chain within a document when that is all
 * it has; otherwise a singleton). Response mentions: corrob's people,
 * organisations and places, and its events, in the same sentences; their
 * clusters are corrob's entity and event ids. A key and a response mention
 * are the same mention when they cover the same tokens (first to last).
 * All topics are scored as one partition (clusters never cross topics).
 *
 * The same-head-lemma baseline clusters the same response mentions by the
 * lemma of their last word within a topic, lemmas from UD English-EWT
 * (the most frequent lemma of each word form), else a few suffix rules.
 */
#define _XOPEN_SOURCE 700
#include "eval/ecbscore.h"
#include "eval/coref.h"
#include "ingest/document.h"
#include "util/map.h"
#include "util/util.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* A path built from parts: PATH_MAX bytes; a longer one is cut (and then fails to open). */
static void pathf(char out[PATH_MAX], const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pathf(char out[PATH_MAX], const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out, PATH_MAX, fmt, ap);
	va_end(ap);
}

/* ---- topics ------------------------------------------------------------------ */

static const int dev_topics[] = {2, 5, 12, 18, 21, 23, 34, 35};

static bool is_dev(int t)
{
	for (size_t i = 0; i < CR_ARRAY_LEN(dev_topics); i++)
		if (dev_topics[i] == t)
			return true;
	return false;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static bool listed(const char *list, int t)
{
	for (const char *p = list; *p;) {
		char *end;
		long v = strtol(p, &end, 10);
		if (end == p)
			return false;
		if (v == t)
			return true;
		p = *end == ',' ? end + 1 : end;
		if (*end && *end != ',')
			return false;
	}
	return false;
}

int ecb_list_topics(const char *src, const ecb_options *o, int *topics, size_t *n, char *err, size_t errlen)
{
	DIR *d = opendir(src);
	if (!d) {
		snprintf(err, errlen, "%s: %s", src, strerror(errno));
		return -1;
	}
	*n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && *n < 128) {
		char *end;
		long t = strtol(e->d_name, &end, 10);
		if (end == e->d_name || *end || t <= 0 || t > 100000)
			continue;
		if (o->topics && !listed(o->topics, (int)t))
			continue;
		if (o->split && strcmp(o->split, "dev") == 0 && !is_dev((int)t))
			continue;
		if (o->split && strcmp(o->split, "train") == 0 && (is_dev((int)t) || t > 35))
			continue;
		topics[(*n)++] = (int)t;
	}
	closedir(d);
	qsort(topics, *n, sizeof *topics, cmp_int);
	if (*n == 0) {
		snprintf(err, errlen, "%s: no topic folders (1, 2, ...) selected", src);
		return -1;
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int ecb_topic_read(ecb_topic *t, const char *src, int topic, char *err, size_t errlen)
{
	memset(t, 0, sizeof *t);
	t->topic = topic;
	char dir[PATH_MAX];
	pathf(dir, "%s/%d", src, topic);
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	CR_VEC(char *) names = {0};
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && strcmp(e->d_name + l - 4, ".xml") == 0)
			cr_vec_push(&names, cr_xstrdup(e->d_name));
	}
	closedir(d);
	if (names.len > 1)
		qsort(names.items, names.len, sizeof *names.items, cmp_str);
	t->docs = cr_xcalloc(names.len + 1, sizeof *t->docs);
	int rc = 0;
	for (size_t i = 0; i < names.len; i++) {
		char path[PATH_MAX];
		pathf(path, "%s/%s", dir, names.items[i]);
		if (!rc && cat_read(&t->docs[t->ndocs], path, err, errlen) == 0)
			t->ndocs++;
		else
			rc = -1;
		free(names.items[i]);
	}
	cr_vec_free(&names);
	if (rc < 0)
		ecb_topic_free(t);
	return rc;
}

void ecb_topic_free(ecb_topic *t)
{
	for (size_t i = 0; i < t->ndocs; i++)
		cat_free(&t->docs[i]);
	free(t->docs);
	memset(t, 0, sizeof *t);
}

static int mkdir_p(const char *path)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(buf, 0777) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(buf, 0777) < 0 && errno != EEXIST ? -1 : 0;
}

static int write_topic(const ecb_topic *t, const char *outdir, char *err, size_t errlen)
{
	char dir[PATH_MAX];
	pathf(dir, "%s/%d", outdir, t->topic);
	if (mkdir_p(dir) < 0) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < t->ndocs; i++) {
		char path[PATH_MAX];
		pathf(path, "%s/%s.txt", dir, t->docs[i].name);
		size_t len, body;
		char *s = cat_corrob_input(&t->docs[i], &len, &body);
		FILE *f = fopen(path, "wb");
		bool ok = f && fwrite(s, 1, len, f) == len;
		if (f && fclose(f) != 0)
			ok = false;
		free(s);
		if (!ok) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return -1;
		}
	}
	return 0;
}

int ecb_convert_topic(const char *src, const char *outdir, int topic, char *err, size_t errlen)
{
	ecb_topic t;
	if (ecb_topic_read(&t, src, topic, err, errlen) < 0)
		return -1;
	int rc = write_topic(&t, outdir, err, errlen);
	ecb_topic_free(&t);
	return rc;
}

/* ---- the sentences the corpus lists as completely annotated ------------------- */

static cr_map *read_sentences(const char *path)
{
	char *s;
	size_t n;
	if (cr_read_file(path, &s, &n) < 0)
		return NULL;
	cr_map *m = cr_map_new();
	for (char *line = s; line < s + n;) {
		char *nl = memchr(line, '\n', (size_t)(s + n - line));
		char *end = nl ? nl : s + n;
		if (end > line && end[-1] == '\r')
			end[-1] = 0;
		*end = 0;
		int topic, sent;
		char file[128];
		/* Topic,File,Sentence Number: "1,10ecbplus,1" */
		if (sscanf(line, "%d,%127[^,],%d", &topic, file, &sent) == 3) {
			char key[192];
			int kl = snprintf(key, sizeof key, "%d_%s/%d", topic, file, sent);
			cr_map_put(m, key, (size_t)kl, 1);
		}
		line = end + 1;
	}
	free(s);
	return m;
}

static bool sentence_counts(const cr_map *sentences, const cat_doc *d, int sentence)
{
	if (!sentences)
		return true;
	char key[192];
	int kl = snprintf(key, sizeof key, "%s/%d", d->name, sentence);
	return cr_map_get(sentences, key, (size_t)kl, NULL);
}

/* ---- lemmas -------------------------------------------------------------------- */

/* form (lower case) -> lemma, the most frequent in a CoNLL-U file */
typedef struct lemmas {
	cr_map *best;        /* form -> 1 + index into strs */
	CR_VEC(char *) strs;
} lemmas;

static void lemmas_load(lemmas *L, const char *path)
{
	memset(L, 0, sizeof *L);
	L->best = cr_map_new();
	char *s;
	size_t n;
	if (!path || cr_read_file(path, &s, &n) < 0)
		return;
	cr_map *count = cr_map_new();   /* "form\tlemma" -> count */
	for (char *line = s; line < s + n;) {
		char *nl = memchr(line, '\n', (size_t)(s + n - line));
		char *end = nl ? nl : s + n;
		*end = 0;
		char *f[4] = {0};
		size_t k = 0;
		if (cr_is_digit((unsigned char)line[0])) {
			for (char *p = line; k < 4 && p;) {
				f[k++] = p;
				p = strchr(p, '\t');
				if (p)
					*p++ = 0;
			}
		}
		if (k == 4 && !strchr(f[0], '-') && !strchr(f[0], '.')) {
			cr_buf key = {0};
			for (char *c = f[1]; *c; c++)
				cr_buf_putc(&key, (char)cr_lower((unsigned char)*c));
			cr_buf_putc(&key, '\t');
			for (char *c = f[2]; *c; c++)
				cr_buf_putc(&key, (char)cr_lower((unsigned char)*c));
			intptr_t c = 0;
			cr_map_get(count, key.data, key.len, &c);
			cr_map_put(count, key.data, key.len, c + 1);
			cr_buf_free(&key);
		}
		line = end + 1;
	}
	free(s);
	/* the most frequent lemma of each form; ties: the smaller lemma */
	cr_map *bestc = cr_map_new();
	size_t it = 0;
	const char *k;
	size_t kl;
	intptr_t c;
	CR_VEC(char *) keys = {0};
	while (cr_map_next(count, &it, &k, &kl, &c))
		cr_vec_push(&keys, cr_xstrndup(k, kl));
	if (keys.len > 1)
		qsort(keys.items, keys.len, sizeof *keys.items, cmp_str);
	for (size_t i = 0; i < keys.len; i++) {
		char *tab = strchr(keys.items[i], '\t');
		cr_map_get(count, keys.items[i], strlen(keys.items[i]), &c);
		size_t fl = (size_t)(tab - keys.items[i]);
		intptr_t prev = 0;
		if (!cr_map_get(bestc, keys.items[i], fl, &prev) || c > prev) {
			cr_map_put(bestc, keys.items[i], fl, c);
			cr_vec_push(&L->strs, cr_xstrdup(tab + 1));
			cr_map_put(L->best, keys.items[i], fl, (intptr_t)L->strs.len);
		}
		free(keys.items[i]);
	}
	cr_vec_free(&keys);
	cr_map_free(bestc);
	cr_map_free(count);
}

static void lemmas_free(lemmas *L)
{
	for (size_t i = 0; i < L->strs.len; i++)
		free(L->strs.items[i]);
	cr_vec_free(&L->strs);
	cr_map_free(L->best);
}

/* The lemma of a word into out (lower case). */
static void lemma_of(const lemmas *L, const char *w, size_t n, cr_buf *out)
{
	cr_buf_reset(out);
	for (size_t i = 0; i < n; i++)
		cr_buf_putc(out, (char)cr_lower((unsigned char)w[i]));
	if (out->len >= 2 && (memcmp(out->data + out->len - 2, "'s", 2) == 0))
		out->len -= 2, out->data[out->len] = 0;
	intptr_t v;
	if (cr_map_get(L->best, out->data, out->len, &v)) {
		char *lem = cr_xstrdup(L->strs.items[v - 1]);
		cr_buf_reset(out);
		cr_buf_puts(out, lem);
		free(lem);
		return;
	}
	size_t l = out->len;
	char *s = out->data;
	if (l > 4 && strcmp(s + l - 3, "ies") == 0)
		strcpy(s + l - 3, "y");
	else if (l > 5 && strcmp(s + l - 3, "ing") == 0)
		s[l - 3] = 0;
	else if (l > 4 && strcmp(s + l - 2, "ed") == 0)
		s[l - 2] = 0;
	else if (l > 3 && s[l - 1] == 's' && s[l - 2] != 's')
		s[l - 1] = 0;
	out->len = strlen(s);
}

/* ---- running corrob ---------------------------------------------------------- */

static int run_corrob(const char *corrob, const char *cwd, int topic, const char *db, const char *json)
{
	char tdir[32];
	snprintf(tdir, sizeof tdir, "%d", topic);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (chdir(cwd) < 0)
			_exit(127);
		/* the summary goes nowhere, messages to the topic's log */
		char log[PATH_MAX];
		pathf(log, "%s.log", json);
		if (!freopen("/dev/null", "w", stdout) || !freopen(log, "w", stderr))
			_exit(127);
		char md[PATH_MAX];
		pathf(md, "%s.md", json);
		execl(corrob, corrob, "--db", db, "run", tdir, "--out", md, "--json", json, (char *)NULL);
		_exit(127);
	}
	int st;
	if (waitpid(pid, &st, 0) < 0)
		return -1;
	/* 1 means some inputs failed: the rest were read and reported */
	return WIFEXITED(st) && (WEXITSTATUS(st) == 0 || WEXITSTATUS(st) == 1) ? 0 : -1;
}

/* ---- mentions ----------------------------------------------------------------- */

typedef struct scored {
	CR_VEC(coref_item) key, rsp, lemma;
} scored;

static uint64_t mention_id(size_t doc, size_t a, size_t b)
{
	return ((uint64_t)doc << 40) | ((uint64_t)a << 20) | (uint64_t)b;
}

static bool entity_tag(const char *t)
{
	return strcmp(t, "HUMAN_PART_PER") == 0 || strcmp(t, "HUMAN_PART_ORG") == 0 || strcmp(t, "HUMAN_PART_GPE") == 0 ||
	       strcmp(t, "LOC_GEO") == 0 || strcmp(t, "LOC_FAC") == 0;
}

static bool event_tag(const char *t)
{
	return strcmp(t, "ACTION_OCCURRENCE") == 0 || strcmp(t, "NEG_ACTION_OCCURRENCE") == 0;
}

/* A capitalised word that names: no determiner or pronoun, and at a
 * sentence's start only a word the document never writes in lower case. */
static bool name_word(const cat_doc *d, size_t ti)
{
	const char *w = d->tokens[ti].word;
	if (!cr_is_upper((unsigned char)w[0]))
		return false;
	static const char *const closed[] = {"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His",
	                                     "Her", "Its", "Their", "Our", "This", "That", "These", "Those", "Him", "Them"};
	for (size_t k = 0; k < CR_ARRAY_LEN(closed); k++)
		if (strcmp(w, closed[k]) == 0)
			return false;
	bool opens = ti == 0 || d->tokens[ti - 1].sentence != d->tokens[ti].sentence;
	if (!opens)
		return true;
	for (size_t i = 0; i < d->ntokens; i++) {
		const char *v = d->tokens[i].word;
		if (i != ti && cr_is_lower((unsigned char)v[0]) && strlen(v) == strlen(w) && cr_ieq(v, w, strlen(w)))
			return false;
	}
	return true;
}

/* Words a mention's name may stand behind: prepositions, determiners, numbers. */
static bool leading_word(const char *w)
{
	static const char *const lead[] = {"the", "a", "an", "in", "at", "on", "of", "to", "from", "near", "into", "inside",
	                                   "outside", "across", "his", "her", "its", "their", "our", "my", "this", "that",
	                                   "these", "those", "some", "all", "both", "two", "three", "several", "by", "for"};
	if (cr_is_digit((unsigned char)w[0]))
		return true;
	for (size_t k = 0; k < CR_ARRAY_LEN(lead); k++)
		if (strlen(w) == strlen(lead[k]) && cr_ieq(w, lead[k], strlen(w)))
			return true;
	return false;
}

static bool modifier_start(const char *w)
{
	static const char *const post[] = {",", "in", "of", "at", "on", "near", "off", "from", "for", "with", "who",
	                                   "which", "that", "(", "-", "\xE2\x80\x94"};
	for (size_t k = 0; k < CR_ARRAY_LEN(post); k++)
		if (strcmp(w, post[k]) == 0)
			return true;
	return false;
}

/* A key mention holds a name when the head of its phrase is a name word.
 * The head is the last word before the first post-modifier (a preposition,
 * a comma, a relative pronoun), past leading prepositions and determiners:
 * "the Betty Ford Clinic in Rancho Mirage, Calif" is headed by "Clinic",
 * "Lindsay Lohan's" by "Lohan's"; a common noun followed by "of" and a name
 * ("the city of Bandar Abbas") by the name's last word. "an island off
 * Iran's southern coast" holds no name. *anchor gets the head word, which a
 * response mention must cover to stand for the key mention. */
static bool named_markable(const cat_doc *d, const cat_markable *m, size_t *anchor)
{
	size_t a = (size_t)m->tokens[0], b = (size_t)m->tokens[m->ntokens - 1];
	while (a < b && leading_word(d->tokens[a].word))
		a++;
	size_t h = a;
	while (h < b && !modifier_start(d->tokens[h + 1].word))
		h++;
	if (name_word(d, h)) {
		*anchor = h;
		return true;
	}
	if (h + 2 <= b && strcmp(d->tokens[h + 1].word, "of") == 0 && name_word(d, h + 2)) {
		size_t e = h + 2;
		while (e < b && name_word(d, e + 1))
			e++;
		*anchor = e;
		return true;
	}
	return false;
}

static uint64_t str_id(const char *s)
{
	return cr_hash64(s, strlen(s)) & ~(1ull << 63);
}

/* The text offset of a clean-text offset, through the ingest map; UINT32_MAX when dropped. */
static uint32_t clean_to_raw(const cr_document *doc, uint32_t off, bool end)
{
	for (size_t i = 0; i < doc->nmap; i++) {
		const cr_srcmap *m = &doc->map[i];
		if (off >= m->clean_start && (off < m->clean_start + m->len || (end && off == m->clean_start + m->len)))
			return m->raw_start + (off - m->clean_start);
	}
	return UINT32_MAX;
}

/* The tokens a text range [s, e) overlaps: [*a, *b]. */
static bool tokens_of(const cat_doc *d, uint32_t s, uint32_t e, size_t *a, size_t *b)
{
	*a = SIZE_MAX;
	for (size_t i = 0; i < d->ntokens; i++) {
		const cat_token *t = &d->tokens[i];
		if (t->start == CAT_NO_OFFSET || t->end <= s || t->start >= e)
			continue;
		if (*a == SIZE_MAX)
			*a = i;
		*b = i;
	}
	return *a != SIZE_MAX;
}

/* work/mentions/<topic>.tsv: every key and response mention, for reading errors */
static void dump_mentions(FILE *f, const char *side, const char *kind, const cat_doc *d, size_t a, size_t b,
                          uint64_t id, uint64_t cluster)
{
	if (!f)
		return;
	fprintf(f, "%s\t%s\t%s\t%zu\t%zu\t%016llx\t%016llx\t", kind, side, d->name, a, b, (unsigned long long)id,
	        (unsigned long long)cluster);
	for (size_t i = a; i <= b; i++)
		fprintf(f, "%s%s", i > a ? " " : "", d->tokens[i].word);
	fputc('\n', f);
}

typedef struct key_span {
	size_t doc, a, b, anchor;
	uint64_t id;
	bool taken;
} key_span;

typedef struct topic_run {
	const ecb_topic *t;
	cr_document *clean;   /* per document: the clean text and its map, as corrob stored it */
	size_t *body;         /* per document: offset of the text in the converted file */
	size_t doc_base;      /* global document number of docs[0] */
	FILE *dump;
	CR_VEC(key_span) keys;   /* the key mentions of the kind being scored */
	bool exact;              /* match exact spans only */
} topic_run;

static void key_mentions(topic_run *r, const cr_map *sentences, bool events, scored *out)
{
	for (size_t di = 0; di < r->t->ndocs; di++) {
		const cat_doc *d = &r->t->docs[di];
		for (size_t k = 0; k < d->nmarks; k++) {
			const cat_markable *m = &d->marks[k];
			if (!m->ntokens || !(events ? event_tag(m->tag) : entity_tag(m->tag)))
				continue;
			size_t a = (size_t)m->tokens[0], b = (size_t)m->tokens[m->ntokens - 1], anchor = a;
			if (!events && !named_markable(d, m, &anchor))
				continue;
			if (d->tokens[a].start == CAT_NO_OFFSET || !sentence_counts(sentences, d, d->tokens[a].sentence))
				continue;
			uint64_t id = mention_id(r->doc_base + di, a, b);
			uint64_t cl = m->cluster ? str_id(m->cluster) : (1ull << 63) | id;
			cr_vec_push(&out->key, ((coref_item){id, cl}));
			cr_vec_push(&r->keys, ((key_span){di, a, b, anchor, id, false}));
			dump_mentions(r->dump, "key", events ? "event" : "entity", d, a, b, id, cl);
		}
	}
}

/* The key mention a response mention [a, b] of document di stands for: the
 * key with the same tokens, else the shortest key that contains it and whose
 * name word it covers, each key taken once; 0 when none. With exact, only
 * the first. */
static uint64_t match_key(topic_run *r, size_t di, size_t a, size_t b, bool exact)
{
	key_span *best = NULL;
	for (size_t i = 0; i < r->keys.len; i++) {
		key_span *k = &r->keys.items[i];
		if (k->doc != di || k->taken || k->a > a || b > k->b)
			continue;
		if (k->a == a && k->b == b) {
			best = k;
			break;
		}
		if (exact || k->anchor < a || k->anchor > b)
			continue;
		if (!best || k->b - k->a < best->b - best->a)
			best = k;
	}
	if (!best)
		return 0;
	best->taken = true;
	return best->id;
}

static const json_t *by_id(const json_t *arr, const char *id)
{
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		const char *s = json_string_value(json_object_get(v, "id"));
		if (s && strcmp(s, id) == 0)
			return v;
	}
	return NULL;
}

/* corrob's mentions of one kind: entities (people, organisations, places) or events. */
static void response_mentions(topic_run *r, const json_t *report, const cr_map *sentences, bool events,
                              const lemmas *L, scored *out)
{
	const json_t *docs = json_object_get(report, "documents");
	const json_t *arr = json_object_get(report, events ? "events" : "entities");
	size_t i;
	json_t *x;
	cr_buf lem = {0};
	cr_map *lemma_cluster = cr_map_new();
	json_array_foreach(arr, i, x) {
		const char *type = json_string_value(json_object_get(x, "type"));
		if (!events && (!type || strcmp(type, "other") == 0))
			continue;
		uint64_t cluster = ((uint64_t)r->t->topic << 32) | (uint64_t)(i + 1) | (events ? 1ull << 62 : 0);
		size_t k;
		json_t *sp;
		json_array_foreach(json_object_get(x, "spans"), k, sp) {
			const json_t *doc = by_id(docs, json_string_value(json_object_get(sp, "document")));
			const char *path = doc ? json_string_value(json_object_get(doc, "path")) : NULL;
			const char *base = path ? strrchr(path, '/') : NULL;
			base = base ? base + 1 : path;
			size_t di;
			for (di = 0; base && di < r->t->ndocs; di++) {
				size_t nl = strlen(r->t->docs[di].name);
				if (strncmp(base, r->t->docs[di].name, nl) == 0 && strcmp(base + nl, ".txt") == 0)
					break;
			}
			if (!base || di == r->t->ndocs)
				continue;
			const cat_doc *d = &r->t->docs[di];
			uint32_t s = clean_to_raw(&r->clean[di], (uint32_t)json_integer_value(json_object_get(sp, "start")), false);
			uint32_t e = clean_to_raw(&r->clean[di], (uint32_t)json_integer_value(json_object_get(sp, "end")), true);
			size_t a = 0, b = 0;
			if (s == UINT32_MAX || e == UINT32_MAX || s < r->body[di] || e <= s ||
			    !tokens_of(d, (uint32_t)(s - r->body[di]), (uint32_t)(e - r->body[di]), &a, &b) ||
			    !sentence_counts(sentences, d, d->tokens[a].sentence))
				continue;
			uint64_t id = match_key(r, di, a, b, r->exact);
			if (!id)
				id = mention_id(r->doc_base + di, a, b) | (1ull << 39);   /* no key mention has this id */
			cr_vec_push(&out->rsp, ((coref_item){id, cluster}));
			/* the baseline: the same mention, clustered by its last word's lemma */
			lemma_of(L, d->tokens[b].word, strlen(d->tokens[b].word), &lem);
			if (r->dump)
				fprintf(r->dump, "lemma\t%s\n", lem.data);
			dump_mentions(r->dump, "response", events ? "event" : "entity", d, a, b, id, cluster);
			cr_buf_putc(&lem, events ? 'V' : 'E');
			intptr_t lc;
			if (!cr_map_get(lemma_cluster, lem.data, lem.len, &lc)) {
				lc = (intptr_t)cr_map_count(lemma_cluster) + 1;
				cr_map_put(lemma_cluster, lem.data, lem.len, lc);
			}
			cr_vec_push(&out->lemma, ((coref_item){id, ((uint64_t)r->t->topic << 32) | (uint64_t)lc | (1ull << 61)}));
		}
	}
	cr_map_free(lemma_cluster);
	cr_buf_free(&lem);
}

static void silent_diag(void *ud, int severity, const char *file, const char *where, const char *msg)
{
	(void)ud, (void)severity, (void)file, (void)where, (void)msg;
}

static int score_topic(const ecb_topic *t, const char *work, const ecb_options *o, const char *corrob,
                       const cr_map *sentences, const lemmas *L, size_t doc_base, scored ent[2], scored ev[2])
{
	char err[1024], text[PATH_MAX], db[PATH_MAX], json[PATH_MAX];
	pathf(text, "%s/text", work);
	if (write_topic(t, text, err, sizeof err) < 0) {
		fprintf(stderr, "ecbplus: %s\n", err);
		return -1;
	}
	pathf(db, "%s/db/%d.db", work, t->topic);
	pathf(json, "%s/json/%d.json", work, t->topic);
	/* a fresh store: the old one's write-ahead log must not come back into it */
	char side[PATH_MAX];
	unlink(db);
	pathf(side, "%s-wal", db);
	unlink(side);
	pathf(side, "%s-shm", db);
	unlink(side);
	if (run_corrob(corrob, text, t->topic, db, json) < 0) {
		fprintf(stderr, "ecbplus: topic %d: corrob failed\n", t->topic);
		return -1;
	}
	(void)o;
	json_error_t je;
	json_t *report = json_load_file(json, 0, &je);
	if (!report) {
		fprintf(stderr, "ecbplus: %s:%d: %s\n", json, je.line, je.text);
		return -1;
	}
	char dump[PATH_MAX];
	pathf(dump, "%s/mentions/%d.tsv", work, t->topic);
	topic_run r = {t, cr_xcalloc(t->ndocs + 1, sizeof(cr_document)), cr_xcalloc(t->ndocs + 1, sizeof(size_t)), doc_base,
	               fopen(dump, "w"), {0}, false};
	cr_diag dg = {silent_diag, NULL};
	for (size_t i = 0; i < t->ndocs; i++) {
		size_t len;
		char *in = cat_corrob_input(&t->docs[i], &len, &r.body[i]);
		if (cr_ingest_text(&r.clean[i], in, len, t->docs[i].name, &dg) < 0)
			memset(&r.clean[i], 0, sizeof r.clean[i]);
		free(in);
	}
	for (int exact = 0; exact < 2; exact++)
		for (int events = 0; events < 2; events++) {
			scored *sc = exact ? (events ? &ev[1] : &ent[1]) : (events ? &ev[0] : &ent[0]);
			r.keys.len = 0;
			r.exact = exact;
			FILE *out = r.dump;
			if (exact)
				r.dump = NULL;
			key_mentions(&r, sentences, events, sc);
			response_mentions(&r, report, sentences, events, L, sc);
			r.dump = out;
		}
	cr_vec_free(&r.keys);
	for (size_t i = 0; i < t->ndocs; i++)
		cr_document_free(&r.clean[i]);
	if (r.dump)
		fclose(r.dump);
	free(r.clean);
	free(r.body);
	json_decref(report);
	return 0;
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

static void print_scores(const char *prefix, const coref_result *r)
{
	printf(" %s-muc-f1=%.2f %s-b3-f1=%.2f %s-ceafe-f1=%.2f", prefix, 100 * coref_f1(r->muc), prefix,
	       100 * coref_f1(r->b3), prefix, 100 * coref_f1(r->ceafe));
}

int ecb_score(const char *src, const ecb_options *o)
{
	char err[1024];
	int topics[128];
	size_t ntopics;
	if (ecb_list_topics(src, o, topics, &ntopics, err, sizeof err) < 0) {
		fprintf(stderr, "ecbplus: %s\n", err);
		return -1;
	}
	char corrob[PATH_MAX];
	if (!realpath(o->corrob, corrob)) {
		fprintf(stderr, "ecbplus: %s: %s (build corrob first, or name it with --corrob)\n", o->corrob, strerror(errno));
		return -1;
	}
	char work[PATH_MAX];
	bool temporary = !o->work;
	if (o->work) {
		if (mkdir_p(o->work) < 0 || !realpath(o->work, work)) {
			fprintf(stderr, "ecbplus: %s: %s\n", o->work, strerror(errno));
			return -1;
		}
	} else {
		snprintf(work, sizeof work, "%s/ecbplus.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		if (!mkdtemp(work)) {
			fprintf(stderr, "ecbplus: %s: %s\n", work, strerror(errno));
			return -1;
		}
	}
	char sub[PATH_MAX];
	pathf(sub, "%s/db", work);
	mkdir_p(sub);
	pathf(sub, "%s/json", work);
	mkdir_p(sub);
	pathf(sub, "%s/mentions", work);
	mkdir_p(sub);
	char csv[PATH_MAX];
	pathf(csv, "%s/../ECBplus_coreference_sentences.csv", src);
	cr_map *sentences = read_sentences(o->sentences ? o->sentences : csv);
	if (!sentences && o->sentences) {
		fprintf(stderr, "ecbplus: %s: %s\n", o->sentences, strerror(errno));
		return -1;
	}
	char ud[PATH_MAX];
	pathf(ud, "%s/../../ud-ewt/en_ewt-ud-train.conllu", src);
	lemmas L;
	lemmas_load(&L, o->lemmas ? o->lemmas : ud);
	scored ent[2], ev[2];
	memset(ent, 0, sizeof ent);
	memset(ev, 0, sizeof ev);   /* [0] head match, [1] exact spans */
	size_t docs = 0;
	int rc = 0;
	for (size_t i = 0; i < ntopics && rc == 0; i++) {
		ecb_topic t;
		if (ecb_topic_read(&t, src, topics[i], err, sizeof err) < 0) {
			fprintf(stderr, "ecbplus: %s\n", err);
			rc = -1;
			break;
		}
		rc = score_topic(&t, work, o, corrob, sentences, &L, docs, ent, ev);
		docs += t.ndocs;
		ecb_topic_free(&t);
	}
	if (rc == 0) {
		coref_result re, rv, le, lv, xe, xv;
		coref_evaluate(&re, ent[0].key.items, ent[0].key.len, ent[0].rsp.items, ent[0].rsp.len);
		coref_evaluate(&rv, ev[0].key.items, ev[0].key.len, ev[0].rsp.items, ev[0].rsp.len);
		coref_evaluate(&le, ent[0].key.items, ent[0].key.len, ent[0].lemma.items, ent[0].lemma.len);
		coref_evaluate(&lv, ev[0].key.items, ev[0].key.len, ev[0].lemma.items, ev[0].lemma.len);
		coref_evaluate(&xe, ent[1].key.items, ent[1].key.len, ent[1].rsp.items, ent[1].rsp.len);
		coref_evaluate(&xv, ev[1].key.items, ev[1].key.len, ev[1].rsp.items, ev[1].rsp.len);
		printf("BENCH ecbplus-%s topics=%zu docs=%zu sentences=%s", o->topics ? "topics" : o->split, ntopics, docs,
		       sentences ? "csv" : "all");
		printf(" entity-conll-f1=%.2f event-conll-f1=%.2f", 100 * re.conll, 100 * rv.conll);
		printf(" entity-mention-recall=%.3f event-mention-recall=%.3f",
		       re.key_mentions ? (double)re.matched_mentions / (double)re.key_mentions : 0,
		       rv.key_mentions ? (double)rv.matched_mentions / (double)rv.key_mentions : 0);
		printf(" lemma-entity-conll-f1=%.2f lemma-event-conll-f1=%.2f", 100 * le.conll, 100 * lv.conll);
		print_scores("entity", &re);
		print_scores("event", &rv);
		printf(" exact-entity-conll-f1=%.2f exact-event-conll-f1=%.2f", 100 * xe.conll, 100 * xv.conll);
		printf(" entity-key=%zu entity-response=%zu event-key=%zu event-response=%zu\n", re.key_mentions,
		       re.response_mentions, rv.key_mentions, rv.response_mentions);
		if (o->work || o->keep) {
			fprintf(stderr, "ecbplus: reports in %s/json, mentions in %s/mentions\n", work, work);
			const coref_result *all[] = {&re, &le, &rv, &lv};
			const char *names[] = {"entity corrob", "entity lemma", "event corrob", "event lemma"};
			for (int k = 0; k < 4; k++) {
				const coref_result *x = all[k];
				fprintf(stderr, "  %-14s MUC %.1f/%.1f  B3 %.1f/%.1f  CEAFe %.1f/%.1f  (recall/precision)\n", names[k],
				        100 * coref_recall(x->muc), 100 * coref_precision(x->muc), 100 * coref_recall(x->b3),
				        100 * coref_precision(x->b3), 100 * coref_recall(x->ceafe), 100 * coref_precision(x->ceafe));
			}
		}
	}
	for (int k = 0; k < 2; k++) {
		cr_vec_free(&ent[k].key);
		cr_vec_free(&ent[k].rsp);
		cr_vec_free(&ent[k].lemma);
		cr_vec_free(&ev[k].key);
		cr_vec_free(&ev[k].rsp);
		cr_vec_free(&ev[k].lemma);
	}
	lemmas_free(&L);
	cr_map_free(sentences);
	if (temporary && !o->keep) {
		if (nftw(work, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
			fprintf(stderr, "ecbplus: could not remove %s\n", work);
	}
	return rc;
}
