# A 260 KB DOT file built to amplify: 50 nodes with 1,000-character names share a default label of 4,000 \N,
# and one node has such a label of its own (a different one). Expanded in full that is 4 MB per node.
name = "n" * 1000
many = "\\N" * 4000
print('digraph { node [label="%s"]; ' % many + " ".join("%s%d;" % (name, i) for i in range(50)) +
      ' "%s" [label="%s!"] }' % (name, many))
