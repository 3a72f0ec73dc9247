"""What the course claims, in one place: the activation registry, real deployments, the decision list, the question bank, the data sets."""
