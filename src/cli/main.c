#include <stdio.h>
int main(void) { puts("corrob"); return 0; }
