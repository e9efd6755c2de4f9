/* libFuzzer target for src/ingest/warc.c: the input is read as a WARC file
 * (through fmemopen); every record is walked, errors resynchronise, and the
 * reader must stop within a bounded number of calls. */
#include "ingest/warc.h"
#include "ingest/input.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	cr_input src;
	cr_input_mem(&src, (void *)(uintptr_t)data, size);
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_set_max_record(r, (size_t)1 << 20);
	cr_warc_record rec;
	unsigned sum = 0;
	for (int i = 0; i < 256; i++) {
		int rc = cr_warc_next(r, &rec);
		if (rc == 0)
			break;
		if (rc < 0) {
			if (strncmp(cr_warc_error(r), "byte ", 5) != 0 && strncmp(cr_warc_error(r), "compressed byte ", 16) != 0)
				abort();
			continue;
		}
		if (!rec.payload && rec.payload_len)
			abort();
		for (size_t k = 0; k < rec.payload_len; k += 97)
			sum += (unsigned char)rec.payload[k];
		if (rec.type)
			sum += (unsigned)strlen(rec.type);
	}
	cr_warc_close(r);
	cr_input_free(&src);
	return (int)(sum & 0);
}
