"""`make bench`: what this client costs on top of the network, as ratios taken in one run."""
