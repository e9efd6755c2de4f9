/*
 * ent_type.h: the four CoNLL name types shared by the gazetteer and the tagger.
 */
#ifndef CR_ENT_TYPE_H
#define CR_ENT_TYPE_H

#include <stddef.h>
#include <string.h>

typedef enum cr_ent_type { CR_ENT_NONE, CR_ENT_PER, CR_ENT_ORG, CR_ENT_LOC, CR_ENT_MISC } cr_ent_type;
#define CR_ENT_NTYPES 5

/* "PER", "ORG", "LOC", "MISC" ("O" for CR_ENT_NONE); static strings. */
static inline const char *cr_ent_type_name(int t)
{
	static const char *const names[] = {"O", "PER", "ORG", "LOC", "MISC"};
	return t >= 0 && t < CR_ENT_NTYPES ? names[t] : "O";
}

/* The type named by s[0..n), or CR_ENT_NONE. */
static inline cr_ent_type cr_ent_type_parse(const char *s, size_t n)
{
	for (int t = 1; t < CR_ENT_NTYPES; t++)
		if (strlen(cr_ent_type_name(t)) == n && memcmp(cr_ent_type_name(t), s, n) == 0)
			return (cr_ent_type)t;
	return CR_ENT_NONE;
}

#endif
