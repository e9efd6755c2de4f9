/* date.c: civil-date arithmetic (Howard Hinnant's days_from_civil). */
#include "util/date.h"


int32_t cr_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int32_t)doe - 719468;
}

void cr_civil_from_days(int32_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = (int)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yy + (*m <= 2);
}

int cr_days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return (m >= 1 && m <= 12) ? dim[m - 1] : 0;
}

int cr_weekday(int32_t z)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0) */
	int w = (int)((z % 7 + 7) % 7);
	return (w + 3) % 7;
}

void cr_day_format(int32_t z, char out[11])
{
	int y, m, d;
	cr_civil_from_days(z, &y, &m, &d);
	y = y < 0 ? 0 : y > 9999 ? 9999 : y;
	int v[3] = {y, m, d}, w[3] = {4, 2, 2};
	char *p = out;
	for (int k = 0; k < 3; k++) {
		if (k)
			*p++ = '-';
		for (int i = w[k] - 1; i >= 0; i--, v[k] /= 10)
			p[i] = (char)('0' + v[k] % 10);
		p += w[k];
	}
	*p = 0;
}

bool cr_day_parse(const char *s, int32_t *out)
{
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return false;
		} else if (s[i] < '0' || s[i] > '9') {
			return false;
		}
	}
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > cr_days_in_month(y, m))
		return false;
	*out = cr_days_from_civil(y, m, d);
	return true;
}

cr_dayrange cr_range_year(int y)
{
	return (cr_dayrange){cr_days_from_civil(y, 1, 1), cr_days_from_civil(y, 12, 31)};
}

cr_dayrange cr_range_month(int y, int m)
{
	return (cr_dayrange){cr_days_from_civil(y, m, 1), cr_days_from_civil(y, m, cr_days_in_month(y, m))};
}
