/* Dates and time in level for `ladderc assess`: reading YYYY-MM-DD, whole
 * calendar months between two dates, and the `time_in_level` text of a
 * ladder's promotion criteria (docs/assess.md). */
#include <stdio.h>
#include <string.h>

#include "ladderc/assess.h"
#include "text.h"

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static int digits(const char *s, size_t n, int *out)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int lc_date_parse(const char *s, size_t len, lc_date *out)
{
	lc_date d;
	if (len != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &d.year) < 0 || digits(s + 5, 2, &d.month) < 0 ||
	    digits(s + 8, 2, &d.day) < 0)
		return -1;
	if (d.year < 1000 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > month_days(d.year, d.month))
		return -1;
	*out = d;
	return 0;
}

int lc_date_cmp(lc_date a, lc_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	return a.day < b.day ? -1 : a.day > b.day;
}

/* Howard Hinnant's days_from_civil. */
long lc_date_days(lc_date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d.month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* `d` plus k months, the day cut to the last of a shorter month. */
static lc_date add_months(lc_date d, long k)
{
	long m = (long)d.year * 12 + (d.month - 1) + k;
	lc_date r = {(int)(m / 12), (int)(m % 12) + 1, d.day};
	int last = month_days(r.year, r.month);
	if (r.day > last)
		r.day = last;
	return r;
}

long lc_date_months_between(lc_date from, lc_date to)
{
	if (lc_date_cmp(to, from) < 0)
		return 0;
	long k = ((long)to.year - from.year) * 12 + (to.month - from.month);
	while (k > 0 && lc_date_cmp(add_months(from, k), to) > 0)
		k--;
	return k;
}

void lc_date_put(lc_buf *out, lc_date d)
{
	lc_buf_printf(out, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* The units `time_in_level` may count in, and their length in months (0: weeks). */
static const struct {
	const char *name;
	long months;
} time_units[] = {{"week", 0}, {"month", 1}, {"quarter", 3}, {"year", 12}};

int lc_time_in_level_parse(const char *s, size_t len, lc_time_in_level *out)
{
	size_t i = 0;
	long n = 0;
	while (i < len && s[i] >= '0' && s[i] <= '9' && n < 100000)
		n = n * 10 + (s[i++] - '0');
	if (i == 0 || i == len || s[i] != ' ' || n >= 100000)
		return -1;
	while (i < len && s[i] == ' ')
		i++;
	const char *word = s + i;
	size_t wlen = len - i;
	if (wlen > 1 && word[wlen - 1] == 's')
		wlen--;
	for (size_t u = 0; u < sizeof time_units / sizeof time_units[0]; u++) {
		size_t ulen = strlen(time_units[u].name);
		if (wlen != ulen)
			continue;
		size_t k = 0;
		while (k < ulen && (char)lc_text_ascii_lower((unsigned char)word[k]) == time_units[u].name[k])
			k++;
		if (k < ulen)
			continue;
		out->weeks = time_units[u].months == 0;
		out->count = out->weeks ? n : n * time_units[u].months;
		return 0;
	}
	return -1;
}
