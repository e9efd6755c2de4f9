/*
 * feed.h: RSS and Atom feeds into documents, one per item or entry, with
 * its link, title, date and content. libxml2 reads the feed as a stream
 * (its own encoding declaration honoured), so a feed of any length takes
 * the memory of one item. See feed.c.
 */
#ifndef CR_INGEST_FEED_H
#define CR_INGEST_FEED_H

#include "ingest/document.h"

struct cr_input;

/*
 * True when s[0, n) opens with the root element of a feed (<rss>, <feed>,
 * <rdf:RDF>) after any byte-order mark, XML declaration, comments and
 * doctype.
 */
bool cr_feed_sniff(const char *s, size_t n);

/*
 * Reads the feed in in, handing each item's document to cb. An item
 * without content (no content:encoded, description, Atom content or
 * summary) is counted in *skipped and noted; an item whose content gives
 * no text is a failure, reported with its number and line. XML that is
 * not well-formed ends the feed with an error naming the line and column;
 * the items before it have been handed on. Returns the number of
 * failures, or cb's negative value when cb stopped the reading.
 */
int cr_ingest_feed(struct cr_input *in, const char *name, const cr_diag *dg, cr_doc_cb cb, void *ud,
                   size_t *skipped);

#endif
