"""The numbers behind the pictures: one tiny network with its training loop, and the race that batches it over seeds."""
