/* kgkit/names.h - how people's names compare: keys that set case, accents, punctuation and script aside (ICU's transliterators), the skeleton that sets the romanisations of Belarusian, Russian and Ukrainian aside, and gendered surname forms. One place for entity lookup and for duplicate detection. */
#ifndef KGKIT_NAMES_H
#define KGKIT_NAMES_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define KG_NAME_KEYS_MAX 5

/* The keys of a name: lower-case ASCII words in the name's order, punctuation gone ("Alesʹ Bialiatski" ->
 * "ales bialiatski"). A Latin name has one key (its letters without accents: "Muižnieks" -> "muiznieks"); a name
 * in another script one per transliteration: ICU's generic Any-Latin, and for Cyrillic the BGN/PCGN
 * romanisations of Belarusian, Russian and Ukrainian, which differ ("Ціханоўская": "cihanouskaa",
 * "tsikhanowskaya", ...). Each key also has its skeleton and its consonants (below). Distinct keys only. */
typedef struct kg_name_keys {
    size_t n;
    const char *key[KG_NAME_KEYS_MAX];
    const char *skeleton[KG_NAME_KEYS_MAX];
    const char *consonants[KG_NAME_KEYS_MAX];
    char *storage_; /* owned */
} kg_name_keys_t;

/* Fills k (free with kg_name_keys_free; k may be reused). Returns KG_OK, or KG_ENOMEM. A name without letters or
 * digits has no key (n = 0). */
KG_API int kg_name_keys(const char *name, kg_name_keys_t *k);
KG_API void kg_name_keys_free(kg_name_keys_t *k);
/* ICU is loaded when a name in another script first needs it. NULL when it is there; else a sentence saying
 * that it could not be loaded, and that such names are then compared by their Latin letters only. */
KG_API const char *kg_name_keys_problem(void);

/* 1 when two keys (or skeletons) hold the same words, in any order: "manafort paul", "paul manafort". */
KG_API int kg_name_same_words(const char *a, const char *b);

/* 1 when some key of a holds the same words as some key of b, in any order: "Manafort, Paul", "PAUL MANAFORT";
 * "Ціханоўская", "tsikhanowskaya". */
KG_API int kg_name_keys_match(const kg_name_keys_t *a, const kg_name_keys_t *b);

/* The same for the keys' skeletons (of three letters or more): the same name in another romanisation. */
KG_API int kg_name_skeletons_match(const kg_name_keys_t *a, const kg_name_keys_t *b);

/* The skeleton of one key, word by word, into buf (size bytes, always terminated): the spelling differences
 * between romanisations of East Slavic names set aside, so that the press's Tsikhanouskaya, Tikhanovskaya and
 * BGN's tsikhanowskaya meet ("taxanavska"), or Bialiatski, Beliatski and Byalyatski ("balacka"). Digraphs become
 * one letter (kh, zh, sh, shch, ch, ts, cz, sz), Belarusian forms their Russian ones (ts and dz before a front
 * vowel, h for g, u after a vowel for v), x is ks, w is v, y and j are i, and every run of vowels is one "a".
 * Returns the length. */
KG_API size_t kg_name_skeleton(const char *key, char *buf, size_t size);
/* The same without the vowels after each word's first letter (a leading vowel is "a"): Aleksandr and
 * Alexander ("alksndr"), but also names that differ in their vowels only. For grouping names to compare, and
 * as weaker evidence. */
KG_API size_t kg_name_consonants(const char *key, char *buf, size_t size);

/* The grammatical gender of a surname's ending in East Slavic names, and its stem: "tsikhanouskaya" is female
 * with stem "tsikhanousk", "tsikhanouski" male with the same stem; -ova/-ov, -ina/-in, -aya/-y, Belarusian
 * -ava/-au. 'f', 'm', or 0 when the ending says nothing (the stem is then the word). stem gets the stem (size
 * bytes, terminated). */
KG_API int kg_surname_gender(const char *word, char *stem, size_t size);

#ifdef __cplusplus
}
#endif
#endif
