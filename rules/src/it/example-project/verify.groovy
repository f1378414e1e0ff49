// Checks what the two runs of the example project printed; build.log holds both, in order.
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^.*BUILD (SUCCESS|FAILURE).*$/)
assert runs.length >= 2 : "expected two Maven runs in build.log"
def good = runs[0]
def broken = runs[1]

// First run: every test class ran its designs and passed; the broken designs stayed off.
assert good =~ /Tests run: 3, Failures: 0, Errors: 0, Skipped: 0.*- in org\.igclab\.example\.BlockDesignTest/
assert good =~ /Tests run: 16, Failures: 0, Errors: 0, Skipped: 0.*- in org\.igclab\.example\.DesignFilesTest/
assert !(good =~ /Tests run: [1-9]\d*, Failures: [1-9]/)

// Second run: both broken designs failed, each message naming its witness and the fix.
assert broken =~ /Tests run: 2, Failures: 2, Errors: 0, Skipped: 0.*- in org\.igclab\.example\.BrokenDesignTest/
assert broken.contains('chain "IGCV2 C=32 K=(1,4,16): one group too wide" (C = 32, K = (1, 4, 16)) is not strict: its complementary verdict is dense')
assert broken.contains('witness: output channel 0 reaches input channel 0 by 2 paths')
assert broken.contains('reduce a group size so that prod K_l = 32, e.g. K = (1, 4, 8)')
assert broken.contains('witness: output channel 0 does not reach input channel 8 (0 paths)')
assert broken.contains('here P_2 = Permutation.shuffle(64, 8) instead of identity')
return true
